import gc
gc.disable()
gc.collect()
class C(object):
    pass
x = C()
holder_list = [x]
holder_dict = {"k": x}
holder_obj = C()
holder_obj.attr = x
refs = gc.get_referrers(x)
print(sorted(type(r).__name__ for r in refs))
print(any(r is holder_list for r in refs), any(r is holder_dict for r in refs))
print(gc.get_referrers(12345678) == [])
