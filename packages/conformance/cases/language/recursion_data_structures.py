class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
def total(n):
    return n.value + sum(total(c) for c in n.children)
def depth(n):
    return 1 + max((depth(c) for c in n.children), default=0)
tree = Node(1, [Node(2, [Node(4)]), Node(3, [Node(5, [Node(6)])])])
print(total(tree), depth(tree))
def perms(s):
    if len(s) <= 1:
        return [s]
    return [c + p for i, c in enumerate(s) for p in perms(s[:i] + s[i + 1:])]
print(perms("abc"))
