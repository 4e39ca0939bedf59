class C(object):
    pass
NAME = "attribute_name"
c = C()
c.attribute_name = 1
names = list(c.__dict__)
print(names[0] is NAME)
s = "attribute" + "_name" * int("1")
print(s is NAME, s == NAME)
setattr(c, s, 2)
print(list(c.__dict__)[0] is NAME)
print(getattr(C, "__name__") is "C"[:])
