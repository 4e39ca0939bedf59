x = "global"
def show():
    return x
def shadow():
    x = "local"
    return x
def rebind():
    global x
    x = "rebound"
def outer():
    y = "outer"
    def inner():
        nonlocal y
        y = "changed by inner"
    inner()
    return y
print(show(), shadow(), x)
rebind()
print(x, outer())
def broken():
    print(x)
    x = 1
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
