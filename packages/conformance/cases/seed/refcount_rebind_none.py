import gc; gc.disable() # disable garbage collector
class Track:
    def __init__(self):
        print("Initialized")
    def __del__(self):
        print("Destructed")
def bar():
    return Track()
t = bar()
another_t = t # assign another reference
print("...")
t = None      # not destructed yet - another_t still refers to it
another_t = None # final reference gone, object is destructed
