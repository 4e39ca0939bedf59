import gc; gc.disable() # disable garbage collector
class Track:
    def __init__(self):
        print("Initialized")
    def __del__(self):
        print("Destructed")
def foo():
    Track()
    # destructed immediately since no longer has any references
    print("---")
    t = Track()
    # variable is referenced, so it's not destructed yet
    print("---")
    # variable is destructed when function exits
foo()
