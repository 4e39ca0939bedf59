with open("test.txt") as f:
    pass
    # do something with f
#now the f object still exist, but it is closed
print(f.closed)
print(f.name)
