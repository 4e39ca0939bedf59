import sys
class T(object):
    def __init__(self, name):
        self.name = name
    def __del__(self):
        sys.stdout.write("__del__ %s\n" % self.name)
class Boom(Exception):
    def __init__(self, payload):
        Exception.__init__(self, "boom")
        self.payload = payload
try:
    raise Boom(T("payload"))
except Boom as err:
    print("handling %s" % err)
print("after the handler")
