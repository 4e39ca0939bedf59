class LinkedList:
    class _Node:
        __slots__ = ("value", "next")
        def __init__(self, value, next=None):
            self.value = value
            self.next = next
    def __init__(self, iterable=()):
        self.head = None
        self.size = 0
        for v in reversed(list(iterable)):
            self.push(v)
    def push(self, v):
        self.head = self._Node(v, self.head)
        self.size += 1
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return "LinkedList(%r)" % list(self)
ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), sum(ll), 2 in ll)
