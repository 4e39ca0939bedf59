a = [1, 2]
b = [1, 2]
print(a == b, a is b)
c = a
print(a is c)
print(None is None, type(None)() is None)
print(1 == 1.0, 1 is 1.0)
print(True == 1, True is 1)
t1 = (1, 2)
t2 = tuple([1, 2])
print(t1 == t2, t1 is t2)
print([] is [], [] == [])
