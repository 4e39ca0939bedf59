def helper(x):
    return 1 / x
class Bad(object):
    def __del__(self):
        helper(0)
Bad()
print("after")
