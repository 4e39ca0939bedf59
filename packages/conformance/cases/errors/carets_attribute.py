class Config(object):
    pass
cfg = Config()
cfg.section = Config()
print(cfg.section.value.upper())
