import gc
gc.disable()
gc.collect()
out = []
class F(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        out.append(self.name)
objs = [F(n) for n in "abcde"]
for i, o in enumerate(objs):
    o.next = objs[(i + 2) % 5]
del objs, o, i
print("collect -> %d" % gc.collect())
print(" ".join(out))
