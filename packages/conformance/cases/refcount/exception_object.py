import sys
class E(Exception):
    pass
try:
    raise E("x")
except E as e:
    print("inside the handler: %d" % sys.getrefcount(e))
    saved = e
print("saved after the handler: %d" % sys.getrefcount(saved))
print("e deleted at the end of the handler: %s" % ("e" not in globals()))
