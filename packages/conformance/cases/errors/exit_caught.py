import sys
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit %r" % (e.code,))
print("still running")
