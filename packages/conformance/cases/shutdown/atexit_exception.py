import atexit
def bad():
    raise ValueError("in atexit")
def good():
    print("good handler")
atexit.register(good)
atexit.register(bad)
print("end of script")
