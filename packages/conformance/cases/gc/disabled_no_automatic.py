import gc
gc.collect()
gens = []
gc.callbacks.append(lambda phase, info: gens.append(info["generation"]) if phase == "start" else None)
gc.disable()
gc.set_threshold(10)
keep = [[] for _ in range(100)]
print("automatic collections while disabled: %d" % len(gens))
print("count grew past the threshold: %s" % (gc.get_count()[0] > 10))
gc.enable()
x = [[] for _ in range(20)]
print("after enable: %s" % (len(gens) > 0))
gc.set_threshold(700)
