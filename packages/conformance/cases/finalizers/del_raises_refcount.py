class Bad(object):
    def __del__(self):
        raise ValueError("from __del__")
b = Bad()
del b
print("execution continues")
