# Ring creation plus gc.collect(): 300,000 instances in one reference cycle, then a full collection.
import gc
gc.disable()

class Node:
    pass

first = Node()
node = first
for i in range(299999):
    nxt = Node()
    node.next = nxt
    node = nxt
node.next = first
del first, node, nxt
print(gc.collect())
