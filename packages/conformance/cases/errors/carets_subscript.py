data = {"outer": {"inner": [1, 2, 3]}}
print(data["outer"]["inner"][1])
print(data["outer"]["missing"][0])
