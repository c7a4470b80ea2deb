"""Compares two request logs of the fake CVAT server on Django REST framework (cvat_drf.py),
one made by cvat_sdk.core and one by CVATKit on the same scenario, and the server states they
left. Prints each difference and exits 1 when there is one.

Usage: compare.py THEIRS.json OURS.json   (each {"log": [...], "state": {...}})

What is compared of each request: the method; the path, with the id of a TUS upload replaced
by `{upload}` (in a `filename` query too); the query as a multiset; the headers that mean something to CVAT (the presence
of Upload-Start, Upload-Multiple and Upload-Finish — CVAT reads nothing else of them —, the
values of Upload-Length, Upload-Metadata, Upload-Offset, Tus-Resumable and X-Organization, the
media type of a body that has one); the body: JSON as parsed JSON, multipart part by part (name,
the file name's last component — Django keeps no more —, type and SHA-256), other bytes by
SHA-256.

Deliberate differences, normalised:
- cvat-sdk writes query booleans `True`/`False`; CVATKit `true`/`false` (DRF reads both).
- cvat-sdk asks for the first page of a list with `page=1`; CVATKit asks without `page`, then
  follows the server's `next` links (`page=2`, …). The same pages.
- cvat-sdk reads a task it has just made twice in a row (`upload_data` and then
  `create_from_data` both fetch it); CVATKit once. Repeated identical GETs collapse to one.
- cvat-sdk sends `Content-Type: application/json` and `X-CSRFToken` on requests without a body
  and on safe methods; CVATKit sends neither there (Django reads neither there).
"""
import json
import re
import sys
import urllib.parse

MEANINGFUL = ("HTTP_UPLOAD_LENGTH", "HTTP_UPLOAD_METADATA", "HTTP_UPLOAD_OFFSET", "HTTP_TUS_RESUMABLE",
              "HTTP_X_ORGANIZATION")
FLAGS = ("HTTP_UPLOAD_START", "HTTP_UPLOAD_MULTIPLE", "HTTP_UPLOAD_FINISH")


def normal(entry):
    path = re.sub(r"/\d+_[0-9a-f-]{36}$", "/{upload}", entry["path"])
    query = []
    for key, value in urllib.parse.parse_qsl(entry["query"], keep_blank_values=True):
        if value in ("True", "False"):
            value = value.lower()
        value = re.sub(r"^\d+_[0-9a-f-]{36}$", "{upload}", value)
        if key == "page" and value == "1" and entry["method"] == "GET":
            continue
        query.append((key, value))
    headers = {name: entry["headers"][name] for name in MEANINGFUL if name in entry["headers"]}
    headers.update({name: "present" for name in FLAGS if name in entry["headers"]})
    if entry["length"]:
        headers["CONTENT_TYPE"] = entry["headers"].get("CONTENT_TYPE", "").split(";")[0]
        headers["CONTENT_TYPE"] = {"application/vnd.cvat+json": "application/json"}.get(
            headers["CONTENT_TYPE"], headers["CONTENT_TYPE"])
    if "json" in entry:
        body = entry["json"]
    elif "parts" in entry:
        body = [[name, filename.rsplit("/", 1)[-1] if filename else None, part_type, digest]
                for name, filename, part_type, digest in entry["parts"]]
    else:
        body = {"length": entry["length"], "sha256": entry["sha256"]} if entry["length"] else None
    return {"request": f"{entry['method']} {path}", "query": sorted(query), "headers": headers, "body": body,
            "status": entry.get("status")}


def collapsed(log):
    requests = []
    for entry in map(normal, log):
        if requests and entry["request"].startswith("GET ") and entry == requests[-1]:
            continue
        requests.append(entry)
    return requests


def main():
    with open(sys.argv[1]) as theirs_file, open(sys.argv[2]) as ours_file:
        theirs, ours = json.load(theirs_file), json.load(ours_file)
    left, right = collapsed(theirs["log"]), collapsed(ours["log"])
    differences = []
    for index in range(max(len(left), len(right))):
        a = left[index] if index < len(left) else None
        b = right[index] if index < len(right) else None
        if a != b:
            differences.append(f"request {index + 1}:\n  cvat-sdk: {json.dumps(a)}\n  CVATKit:  {json.dumps(b)}")
    if theirs["state"] != ours["state"]:
        differences.append(f"state:\n  cvat-sdk: {json.dumps(theirs['state'])}\n  CVATKit:  {json.dumps(ours['state'])}")
    if differences:
        print("\n".join(differences[:8]))
        sys.exit(1)
    print(f"{len(left)} requests alike")


main()
