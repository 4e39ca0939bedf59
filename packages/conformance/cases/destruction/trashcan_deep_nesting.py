l = []
for i in range(200000):
    l = [l]
del l
print("deep list freed")
d = {}
for i in range(100000):
    d = {"d": d}
del d
print("deep dict freed")
t = ()
for i in range(100000):
    t = (t,)
del t
print("deep tuple freed")
