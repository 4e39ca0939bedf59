class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code
    def __str__(self):
        return "application failed with code %d" % self.code
raise AppError(42)
