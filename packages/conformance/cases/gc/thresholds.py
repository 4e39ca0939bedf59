import gc
t = gc.get_threshold()
print(t)
gc.set_threshold(100, 5, 3)
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(*t)
print(gc.get_threshold() == t)
try:
    gc.set_threshold()
except TypeError:
    print("set_threshold() needs an argument")
