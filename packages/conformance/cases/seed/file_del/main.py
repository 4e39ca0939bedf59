f = open("test.txt")
del f
