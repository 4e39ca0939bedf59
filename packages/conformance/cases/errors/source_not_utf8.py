# comment
x = 1
print("never printed")
y = "éÿ"
