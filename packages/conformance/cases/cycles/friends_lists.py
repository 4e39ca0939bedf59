import gc
gc.disable()
gc.collect()
class Person(object):
    def __init__(self, name):
        self.name = name
        self.friends = []
a = Person("a"); b = Person("b")
a.friends.append(b); b.friends.append(a)
del a, b
print("cycle through attribute lists: %d" % gc.collect())
