import sys
def main(argv):
    print("args:", argv[1:])
    return 0
if __name__ == "__main__":
    print("running as", __name__)
    sys.exit(main(sys.argv))
