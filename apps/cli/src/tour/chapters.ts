/**
 * The tour: one chapter per concept of CPython's memory management. Each chapter has a short explanation, a
 * program that demonstrates it, and the versions worth comparing. Texts are written for heap.
 */

export interface Chapter {
  readonly id: string
  readonly title: string
  /** Paragraphs shown before the example. */
  readonly intro: readonly string[]
  /** The program, run as a script (or as interactive input when `repl` is set). */
  readonly program: string
  readonly repl?: boolean
  /** Profiles to run it under to show version differences (the selected profile always runs). */
  readonly compare: readonly string[]
  /** What to look at in the output. */
  readonly takeaway: string
}

export const CHAPTERS: readonly Chapter[] = [
  {
    id: 'refcount',
    title: 'Reference counting',
    intro: [
      'Every object carries a counter, ob_refcnt: how many references point at it. Binding a name, storing the',
      'object in a list or passing it to a function adds one; unbinding removes one. sys.getrefcount(x) reports',
      'the count plus one: the argument itself is a reference while the call runs.',
    ],
    program: `import sys
a = object()
print(sys.getrefcount(a))   # a, plus the argument
b = a
print(sys.getrefcount(a))   # a, b, plus the argument
del b
print(sys.getrefcount(a))
`,
    compare: ['3.8', '3.14'],
    takeaway: 'Counts are 2, 3, 2 on every version: the globals dict holds `a`, `b` adds one, the call adds one.',
  },
  {
    id: 'locals',
    title: 'Counting through frames',
    intro: [
      "Inside a function the interpreter's own structures hold references too: the caller's value stack, the",
      "callee's fast locals. How arguments travel into the callee changed over the versions, and 3.14 loads",
      'locals without taking a reference at all, so the same line prints different numbers.',
    ],
    program: `import sys
def f(x):
    return sys.getrefcount(x)
print("argument seen by the callee:", f(object()))
def g():
    y = object()
    return sys.getrefcount(y)
print("local variable:", g())
`,
    compare: ['3.8', '3.11', '3.14'],
    takeaway: '3.8 copies arguments into the callee (3), 3.11 moves them (2), 3.14 borrows the load (1).',
  },
  {
    id: 'smallints',
    title: 'Small integers are shared',
    intro: [
      'Integers from -5 to 256 are created once and reused: every 1 in a program is the same object. Larger',
      'numbers are created on demand, so two computations of 1000 give two objects. From 3.12 the shared ones',
      'are immortal: their count never changes and reads as a constant.',
    ],
    program: `import sys
def same(a, b):
    return a is b
print(same(int("256"), int("256")), same(int("257"), int("257")))
x = 1
before = sys.getrefcount(1)
y = 1
print("one more reference to 1:", sys.getrefcount(1) - before)
`,
    compare: ['3.8', '3.12'],
    takeaway: 'Up to 3.11 binding y adds a reference to the shared 1; from 3.12 the count of 1 is immortal and stays put.',
  },
  {
    id: 'del',
    title: 'What del does (and does not do)',
    intro: [
      'del removes a name (or an item, slice or attribute) and drops one reference. It does not destroy the',
      'object: the object goes when its count reaches zero, which may be now or much later.',
    ],
    program: `class Track:
    def __init__(self):
        print("Initialized")
    def __del__(self):
        print("Destructed")

t = Track()
another_t = t
print("...")
del t
print("t is gone, another_t still refers to the object")
del another_t
print("end")
`,
    compare: [],
    takeaway: '"Destructed" appears right after the last reference goes, not at the first del.',
  },
  {
    id: 'timing',
    title: 'When objects are destroyed',
    intro: [
      'With reference counting, destruction is immediate and predictable: a temporary dies at the end of its',
      'statement, a local at the end of its function.',
    ],
    program: `class Track:
    def __init__(self, name):
        self.name = name
        print("Initialized", name)
    def __del__(self):
        print("Destructed", self.name)

def foo():
    Track("temporary")
    print("---")
    t = Track("local")
    print("---")

foo()
print("after foo")
`,
    compare: [],
    takeaway: 'The temporary dies before the first "---"; the local dies when foo returns.',
  },
  {
    id: 'cycles',
    title: 'Reference cycles need the collector',
    intro: [
      'When A refers to B and B refers to A, both keep a count of at least one after the program lets go of them.',
      'Reference counting alone never frees them; the cycle collector does. gc.collect() returns how many',
      'unreachable objects it found — and that number depends on how instances store their attributes.',
    ],
    program: `import gc
gc.disable()
class Track:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("Destructed", self.name)

A = Track("A")
B = Track("B")
A.other = B
B.other = A
del A, B
print("nothing destroyed yet")
print("collected:", gc.collect())
`,
    compare: ['3.8', '3.11'],
    takeaway: '3.8 counts 4 (two instances and their two __dict__s); 3.11+ counts 2: attributes live in the instance.',
  },
  {
    id: 'generations',
    title: 'Generations and thresholds',
    intro: [
      'New container objects start in generation 0. A collection that finds them alive promotes them to an older',
      'generation, which is examined less often. Collections start automatically when allocations minus',
      'deallocations exceed threshold 0; the oldest generation also waits until 25% of it is new.',
    ],
    program: `import gc
gc.collect()
print("thresholds:", gc.get_threshold())
x = []
print("new list in generation 0:", any(o is x for o in gc.get_objects(0)))
gc.collect(0)
print("after collect(0), in generation 1:", any(o is x for o in gc.get_objects(1)))
print("count:", gc.get_count())
`,
    compare: ['3.11', '3.13', '3.14'],
    takeaway: '3.13 raised threshold 0 to 2000; 3.14.0–3.14.4 collect incrementally and report no generation 1.',
  },
  {
    id: 'finalizers',
    title: 'Finalizers, resurrection and gc.garbage',
    intro: [
      'Since Python 3.4 (PEP 442) objects with __del__ in a cycle are collected: every finalizer runs once, in',
      'the order the collector lists them. Before 3.4 such cycles were uncollectable and parked in gc.garbage.',
      'A finalizer may resurrect its object; each version handles that differently.',
    ],
    program: `import gc
gc.disable()
gc.collect()
class Track:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
a = Track("a"); b = Track("b")
a.other = b; b.other = a
del a, b
print("collected:", gc.collect())
print("garbage:", [t.name for t in gc.garbage])
`,
    compare: ['legacy', '3.11'],
    takeaway: 'The legacy policy runs no __del__ and leaves both objects in gc.garbage; 3.4+ finalizes and frees them.',
  },
  {
    id: 'weakrefs',
    title: 'Weak references',
    intro: [
      'A weak reference points at an object without counting: when the object dies the weakref returns None and',
      'its callback runs. Weak containers use them to forget entries automatically.',
    ],
    program: `import weakref
class Node:
    pass
n = Node()
r = weakref.ref(n, lambda ref: print("callback: the node died"))
print(r() is n)
del n
print(r())
`,
    compare: [],
    takeaway: 'The callback runs the moment the last strong reference goes.',
  },
  {
    id: 'files',
    title: 'Refcounting is an implementation detail: use with',
    intro: [
      'In CPython a file object closes as soon as its last reference goes. Other Pythons may close it much later;',
      'a with block closes it at a point the language guarantees.',
    ],
    program: `f = open("test.txt", "w")
f.write("hello")
del f                      # CPython closes (and flushes) the file here
print(open("test.txt").read())
with open("test.txt") as f:
    pass
print("closed after with:", f.closed)
`,
    compare: [],
    takeaway: 'Both work in CPython; only the with form is portable.',
  },
  {
    id: 'ctypes',
    title: 'Forcing deallocation with ctypes (do not do this)',
    intro: [
      'ctypes can call _Py_Dealloc on a live object. The names that still point at it now point at freed memory:',
      'the next object of that size takes the block, and the old name suddenly shows the new object — or the',
      'process crashes. heap simulates the crash; your terminal survives.',
    ],
    program: `import ctypes
x = [1, 2, 3]
ctypes.pythonapi._Py_Dealloc(ctypes.py_object(x))
y = [object() for i in range(3)]
print("x now shows:", x[:1])
`,
    compare: ['3.11', '3.12'],
    takeaway: 'x aliases the list that reused its memory. Try deallocating None: 3.11 aborts, 3.12 shrugs.',
  },
]
