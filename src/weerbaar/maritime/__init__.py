"""Shadow-fleet and North Sea watch: vessel register, AIS input, zones, detections.

    register.load_register(store)          vessels on the loaded lists, linked by IMO
    register.read_watchlist(path)          extra watch lists (CSV with imo/mmsi, JSON)
    ais.read_ais(path)                     NMEA, DMA/NOAA CSV, Digitraffic JSON -> AisData
    zones.load_zones(paths)                cables/pipelines (buffered) and named areas
    detect.detect(data, ...)               alerts with their evidence
    scan.scan(paths, ...)                  all of the above in one call (the CLI and API)
    feed.watch(url, ...)                   a live TCP/UDP NMEA feed, scanned in windows
    synth                                  track generator with planted events (tests, bench)

Thresholds are the documented settings in ``config.Thresholds``.
"""
