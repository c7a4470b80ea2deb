#!/usr/bin/env python3
"""A tiny auto-annotation function for `cvat task auto-annotate`, with no dependencies: it
"detects" a car in the middle of every frame (confidence 0.9) and a smaller one in its top-left
corner (confidence 0.4), reading each image's size from its JPEG or PNG header.

It speaks the JSON-lines protocol `cvat-detection-function/1` on stdin/stdout (see README.md):

    cvat task auto-annotate 42 --function-command "python3 Examples/AutoAnnotation/detect.py"

Parameters (`-p NAME=TYPE:VALUE`):
    label=str:NAME          the label to detect (default "car")
    extra_label=str:NAME    also declare this label (shapes of it are returned too)
    as_polygon=bool:true    return polygons instead of rectangles
"""
import json
import struct
import sys

DEFAULT_THRESHOLD = 0.5


def image_size(path):
    """(width, height) from a JPEG's start-of-frame marker or a PNG's header."""
    with open(path, "rb") as image:
        data = image.read()
    if data.startswith(b"\x89PNG"):
        return struct.unpack(">II", data[16:24])
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            raise ValueError("not a JPEG")
        marker = data[position + 1]
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            height, width = struct.unpack(">HH", data[position + 5:position + 9])
            return width, height
        position += 2 + length
    raise ValueError("no frame header")


def box(label_id, x1, y1, x2, y2, as_polygon):
    if as_polygon:
        return {"type": "polygon", "label_id": label_id, "points": [x1, y1, x2, y1, x2, y2, x1, y2]}
    return {"type": "rectangle", "label_id": label_id, "points": [x1, y1, x2, y2]}


def send(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main():
    hello = json.loads(sys.stdin.readline())
    if hello.get("protocol") != "cvat-detection-function/1":
        sys.exit(f"unsupported protocol {hello.get('protocol')!r}")
    parameters = hello.get("parameters", {})
    labels = [{"id": 0, "name": parameters.get("label", "car"), "type": "any"}]
    if "extra_label" in parameters:
        labels.append({"id": 1, "name": parameters["extra_label"], "type": "any"})
    send({"spec": {"labels": labels}})
    as_polygon = parameters.get("as_polygon", False)

    for line in sys.stdin:
        request = json.loads(line)
        frame = request["frame"]
        try:
            width, height = image_size(frame["file"])
        except (OSError, ValueError) as error:
            send({"error": f"cannot read {frame['name']}: {error}"})
            continue
        threshold = request.get("conf_threshold")
        threshold = DEFAULT_THRESHOLD if threshold is None else threshold
        found = [(0.9, box(0, width / 4, height / 4, width * 3 / 4, height * 3 / 4, as_polygon)),
                 (0.4, box(0, 0, 0, width / 8, height / 8, as_polygon))]
        if len(labels) > 1:
            found.append((0.9, box(1, 0, height / 2, width / 2, height, as_polygon)))
        send({"shapes": [shape for confidence, shape in found if confidence >= threshold]})


if __name__ == "__main__":
    main()
