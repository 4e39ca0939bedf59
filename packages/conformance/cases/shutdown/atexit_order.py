import atexit
def bye(name):
    print("atexit %s" % name)
atexit.register(bye, "first registered")
atexit.register(bye, "second registered")
@atexit.register
def last():
    print("atexit decorated")
print("end of script")
