import gc
gc.disable()
gc.collect()
def bad(phase, info):
    if phase == "start":
        raise RuntimeError("callback failed")
gc.callbacks.append(bad)
print("collect -> %d" % gc.collect())
gc.callbacks.remove(bad)
print("end")
