#!/usr/bin/env python3
"""The end-to-end scenarios' requests, made through CVAT's own Python SDK (cvat-sdk 2.71.0, the
release that matches the 2.72 schema), for the differential test: EndToEndTests/
DifferentialTests.swift makes the same calls with the Swift client against the same fake server and
compares the two clients' requests one by one.

Usage: cvat_sdk_scenarios.py BASE_URL   (run with the Python of a virtualenv holding cvat-sdk;
`make cvat-sdk` creates it outside the repository)
"""

import datetime
import os
import sys
import tempfile

from cvat_sdk.api_client import ApiClient, Configuration, models

BASE = sys.argv[1].rstrip("/")


def poll(client, rq_id):
    while True:
        request, _ = client.requests_api.retrieve(rq_id)
        if str(request.status) in ("finished", "failed"):
            return request


def main():
    admin = ApiClient(Configuration(host=BASE, username="admin", password="secret"))

    # Scenario 1: the seed's low-level example.
    spec = models.TaskWriteRequest(name="example task", labels=[models.PatchedLabelRequest(
        name="car", color="#ff00ff", attributes=[models.AttributeRequest(
            name="a", mutable=True, input_type="number", default_value="5", values=["4", "5", "6"])])])
    admin.tasks_api.create(spec)
    with tempfile.TemporaryDirectory() as directory:
        names = {"image1.jpg": b"\xff\xd8\xff\xe0first image\x00\x01", "image2.jpg": b"\xff\xd8\xff\xe0second image\r\n--"}
        for name, data in names.items():
            with open(os.path.join(directory, name), "wb") as file:
                file.write(data)
        files = [open(os.path.join(directory, name), "rb") for name in names]
        admin.tasks_api.create_data(42, data_request=models.DataRequest(image_quality=75, client_files=files),
                                    _content_type="multipart/form-data")
    poll(admin, "create:task-42")
    admin.tasks_api.retrieve(42)

    # PATCH: an explicit null, then a key left out.
    admin.tasks_api.partial_update(43, patched_task_write_request=models.PatchedTaskWriteRequest(assignee_id=None))
    admin.tasks_api.partial_update(44, patched_task_write_request=models.PatchedTaskWriteRequest(name="renamed"))

    # Date-times with microseconds.
    expiry = datetime.datetime(2026, 12, 31, 23, 59, 59, 123456, tzinfo=datetime.timezone.utc)
    admin.auth_api.create_access_tokens(models.AccessTokenWriteRequest(name="ci", expiry_date=expiry))

    # Scenario 2: login, token, session cookies and CSRF, logout.
    anonymous = ApiClient(Configuration(host=BASE))
    token, _ = anonymous.auth_api.create_login(models.LoginSerializerExRequest(username="admin", password="secret"))
    # What cvat_sdk.core.client.Client.login does after logging in.
    anonymous.configuration.api_key["csrfHeaderAuth"] = anonymous.cookies["csrftoken"].value
    anonymous.configuration.api_key["tokenAuth"] = token.key
    anonymous.configuration.api_key_prefix["tokenAuth"] = "Token"
    anonymous.users_api.retrieve_self()
    anonymous.auth_api.create_logout()

    # Scenario 3: pagination, page by page; scenario 7: organization context.
    for page in (None, 2, 3):
        if page is None:
            admin.projects_api.list(page_size=2)
        else:
            admin.projects_api.list(page=page, page_size=2)
    admin.tasks_api.list(x_organization="acme", org="acme", org_id=3, page_size=10)

    # Scenario 4: a dataset export, polled.
    exported, _ = admin.projects_api.create_dataset_export(format="CVAT for images 1.1", id=7, save_images=True)
    poll(admin, exported.rq_id)


if __name__ == "__main__":
    main()
