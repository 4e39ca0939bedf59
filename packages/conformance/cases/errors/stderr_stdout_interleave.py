import sys
print("out 1")
sys.stderr.write("err 1\n")
print("out 2")
sys.stderr.write("err 2\n")
sys.stdout.write("partial ")
sys.stderr.write("err 3\n")
print("done")
