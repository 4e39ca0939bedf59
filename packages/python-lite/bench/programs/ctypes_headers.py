import ctypes

# Reads and writes of object headers through ctypes, the way memory lessons poke at ob_refcnt.
objs = [object() for _ in range(2000)]
total = 0
for _ in range(20):
    for o in objs:
        cell = ctypes.c_ssize_t.from_address(id(o))
        total += cell.value
        cell.value += 1
        cell.value -= 1
print(total)
