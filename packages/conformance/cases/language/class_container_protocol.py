class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(key, 0)
    def __setitem__(self, key, value):
        print("set", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("del", key)
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
    def __contains__(self, key):
        return key in self.cells
g = Grid()
g[1, 2] = "x"
print(g[1, 2], g[0, 0])
print(len(g), (1, 2) in g, (5, 5) in g)
del g[1, 2]
print(len(g), bool(g))
try:
    g[0:2] = 1
    print("slice keys are hashable")
except TypeError as e:
    print("TypeError:", e)
