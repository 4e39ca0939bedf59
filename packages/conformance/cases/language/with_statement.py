class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, t, v, tb):
        print("exit", self.n, t is not None)
with CM(1) as a, CM(2) as b:
    print("body", a, b)
def early():
    with CM(3):
        return "returned"
print(early())
for i in range(2):
    with CM(i):
        continue
