# add_note and __notes__ (3.11+): printed after the message, bad notes, notes that are not a list.
import sys
e = ValueError('v')
print(hasattr(e, '__notes__'))
e.add_note('first note')
e.add_note('two\nlines')
print(e.__notes__, e.__dict__)
try:
    e.add_note(5)
except TypeError as x:
    print('TypeError:', x)
sys.excepthook(type(e), e, None)
k = KeyError('k')
k.__notes__ = ('a', 'b')
try:
    k.add_note('c')
except TypeError as x:
    print('TypeError:', x)
sys.excepthook(type(k), k, None)
k.__notes__ = [1, 'x', None]
sys.excepthook(type(k), k, None)
k.__notes__ = 42
sys.excepthook(type(k), k, None)
k.__notes__ = 'abc'
sys.excepthook(type(k), k, None)
class Bad:
    def __str__(self):
        raise RuntimeError
k.__notes__ = [Bad(), 'after']
sys.excepthook(type(k), k, None)
del k.__notes__
k.add_note('fresh')
print(k.__notes__)

def work():
    try:
        1 / 0
    except ZeroDivisionError as z:
        z.add_note('while dividing')
        raise
work()
