/** @heap/python-lite — a Python interpreter whose memory behaviour matches real CPython. */
export {}
