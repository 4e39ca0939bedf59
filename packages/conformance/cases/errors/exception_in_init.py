class Widget(object):
    def __init__(self, size):
        if size < 0:
            raise ValueError("negative size: %d" % size)
        self.size = size
w = Widget(2)
print(w.size)
Widget(-1)
