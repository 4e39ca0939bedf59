class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, x):
        print("contains?", x)
        return x in self.items
    def __getitem__(self, i):
        return self.items[i]
b = Bag(1, 2)
print(len(b), bool(b), bool(Bag()), 2 in b, 5 in b)
print(list(b), [x * 10 for x in b])
class Old:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 2
print(list(Old()), 4 in Old())
