import gc
print("{}: %s" % gc.is_tracked({}))
print("{'a': 1}: %s" % gc.is_tracked({"a": 1}))
print("{'a': []}: %s" % gc.is_tracked({"a": []}))
d = {"a": 1}
d["b"] = []
print("after inserting a list: %s" % gc.is_tracked(d))
del d["b"]
print("after removing it: %s" % gc.is_tracked(d))
gc.collect()
print("after a full collection: %s" % gc.is_tracked(d))
e = dict(a=1, b="x")
print("dict(a=1, b='x'): %s" % gc.is_tracked(e))
