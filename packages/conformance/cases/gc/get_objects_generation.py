import gc
gc.disable()
gc.collect()
x = []
def gens():
    return [any(o is x for o in gc.get_objects(g)) for g in range(3)]
print(gens())
gc.collect(0)
print(gens())
gc.collect(1)
print(gens())
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError: %s" % e)
