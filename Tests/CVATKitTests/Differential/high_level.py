"""The cvat_sdk.core side of CVATKit's differential test (HighLevelDifferentialTests.swift):
one scenario, run with cvat-sdk 2.71.0 against the fake CVAT server on Django REST framework,
whose request log and final state the Swift test compares with CVATKit's on the same scenario.

Usage: high_level.py SCENARIO SERVER_URL FILE...   (the files of the local upload; downloads go
to theirs/ in the folder OUTPUT names; ANNOTATIONS names the file to import)

cvat-sdk's upload limits are module constants (100 MiB per bulk request and TUS threshold,
10 MiB TUS chunks); both sides use 1,000 bytes and 512 bytes here, so that small files exercise
every path. Waiting polls every 10 ms (cvat-sdk's default period is 5 s).
"""
import os
import sys

from cvat_sdk import models
from cvat_sdk.core import uploading
from cvat_sdk.core.client import Client, Config
from cvat_sdk.core.proxies.annotations import AnnotationUpdateAction
from cvat_sdk.core.proxies.tasks import ResourceType

uploading.DataUploader.__init__.__kwdefaults__["max_request_size"] = 1000
uploading.TUS_CHUNK_SIZE = 512

scenario, url, files = sys.argv[1], sys.argv[2], sys.argv[3:]
LABELS = [{"name": "car", "color": "#ff00ff", "attributes": [
    {"name": "a", "mutable": True, "input_type": "number", "default_value": "5", "values": ["4", "5", "6"]}]}]

os.makedirs(os.path.join(os.environ.get("OUTPUT", "."), "theirs"), exist_ok=True)
with Client(url, config=Config(status_check_period=0.01)) as client:
    client.login(("admin", "secret"))
    if scenario == "local":
        task = client.tasks.create_from_data(
            spec={"name": "local", "labels": LABELS}, resource_type=ResourceType.LOCAL, resources=files,
            data_params={"image_quality": 80, "chunk_size": 4, "sorting_method": "natural"})
        assert task.size == len(files), task.size
    elif scenario == "remote":
        task = client.tasks.create_from_data(
            spec={"name": "remote", "labels": LABELS}, resource_type=ResourceType.REMOTE,
            resources=["https://example.com/a.jpg", "https://example.com/b.jpg"], data_params={"image_quality": 90})
    elif scenario == "share":
        task = client.tasks.create_from_data(
            spec={"name": "share", "labels": LABELS}, resource_type=ResourceType.SHARE,
            resources=["images/a.jpg", "images/b.jpg", "images/c.jpg"],
            data_params={"image_quality": 70, "frame_step": 2, "start_frame": 0, "stop_frame": 2})
    elif scenario == "export":
        task = client.tasks.create_from_data(
            spec={"name": "exported", "labels": LABELS}, resource_type=ResourceType.LOCAL, resources=files[:2])
        task.export_dataset("CVAT for images 1.1", os.path.join(os.environ["OUTPUT"], "theirs", "dataset.zip"),
                            include_images=False)
    elif scenario == "backup-restore":
        task = client.tasks.create_from_data(
            spec={"name": "backed up", "labels": LABELS}, resource_type=ResourceType.LOCAL, resources=files[:2])
        backup = os.path.join(os.environ["OUTPUT"], "theirs", "backup.zip")
        task.download_backup(backup)
        restored = client.tasks.create_from_backup(backup)
        assert restored.size == 2, restored.size
    elif scenario == "import-annotations":
        task = client.tasks.create_from_data(
            spec={"name": "annotated", "labels": LABELS}, resource_type=ResourceType.LOCAL, resources=files[:1],
            annotation_path=os.environ["ANNOTATIONS"], annotation_format="CVAT 1.1")
        task.import_annotations("COCO 1.0", os.environ["ANNOTATIONS"], conv_mask_to_poly=False)
    elif scenario == "frames":
        task = client.tasks.create_from_data(
            spec={"name": "frames", "labels": LABELS}, resource_type=ResourceType.LOCAL, resources=files[:2])
        task.get_frame(0, quality="original")
        task.get_frame(1, quality="compressed")
    elif scenario == "annotations":
        task = client.tasks.create_from_data(
            spec={"name": "annotations", "labels": LABELS}, resource_type=ResourceType.LOCAL, resources=files[:3])
        task.set_annotations(models.LabeledDataRequest(shapes=[
            models.LabeledShapeRequest(type="rectangle", frame=0, label_id=1, points=[1.0, 2.0, 30.0, 40.0]),
            models.LabeledShapeRequest(type="polygon", frame=1, label_id=1, points=[0.0, 0.0, 5.0, 0.0, 5.0, 5.0])]))
        task.update_annotations(models.PatchedLabeledDataRequest(tags=[models.LabeledImageRequest(frame=2, label_id=1)]),
                                action=AnnotationUpdateAction.CREATE)
        shapes = task.get_annotations().shapes
        task.remove_annotations(ids=[shapes[0].id])
        task.remove_frames_by_ids([1])
        task.remove_annotations()
    elif scenario == "organization":
        for index in range(12):
            client.projects.create(models.ProjectWriteRequest(name=f"project {index}"))
        client.organization_slug = "team"
        assert len(client.projects.list()) == 12
        client.organization_slug = None
    elif scenario == "update-remove":
        project = client.projects.create(models.ProjectWriteRequest(name="project", labels=[{"name": "dog"}]))
        project.update({"name": "renamed"})
        task = client.tasks.create(models.TaskWriteRequest(name="task", project_id=project.id))
        task.update({"name": "renamed task", "subset": "train"})
        task.fetch()
        client.tasks.remove_by_ids([task.id, 9999])
        project.remove()
    elif scenario == "project":
        project = client.projects.create_from_dataset(
            {"name": "from a dataset", "labels": LABELS}, dataset_path=os.environ["ANNOTATIONS"],
            dataset_format="COCO 1.0", conv_mask_to_poly=False)
        client.tasks.create_from_data(spec={"name": "inside", "project_id": project.id},
                                      resource_type=ResourceType.LOCAL, resources=files[:1])
        assert [t.name for t in project.get_tasks()] == ["inside"]
        assert [label.name for label in project.get_labels()] == ["car"]
        project.get_preview()
        project.export_dataset("COCO 1.0", os.path.join(os.environ["OUTPUT"], "theirs", "project.zip"))
        backup = os.path.join(os.environ["OUTPUT"], "theirs", "project-backup.zip")
        project.download_backup(backup)
        restored = client.projects.create_from_backup(backup)
        assert restored.name == "from a dataset", restored.name
    elif scenario == "jobs":
        task = client.tasks.create_from_data(
            spec={"name": "segmented", "labels": LABELS, "segment_size": 2}, resource_type=ResourceType.LOCAL,
            resources=files[:3])
        task.get_preview()
        task.get_meta()
        with open(os.path.join(os.environ["OUTPUT"], "theirs", "chunk.zip"), "wb") as chunk:
            task.download_chunk(0, chunk, quality="original")
        jobs = task.get_jobs()
        assert len(jobs) == 2, len(jobs)
        job = client.jobs.retrieve(jobs[-1].id)
        assert [frame.name for frame in job.get_frames_info()] == ["img0.jpg", "img1.jpg"]
        assert [label.name for label in job.get_labels()] == ["car"]
        job.get_frame(1, quality="compressed")
        job.get_preview()
        job.set_annotations(models.LabeledDataRequest(shapes=[
            models.LabeledShapeRequest(type="points", frame=0, label_id=1, points=[1.0, 2.0])]))
        job.update_annotations(models.PatchedLabeledDataRequest(tags=[models.LabeledImageRequest(frame=1, label_id=1)]),
                               action=AnnotationUpdateAction.CREATE)
        job.remove_annotations(ids=[job.get_annotations().tags[0].id])
        job.import_annotations("CVAT 1.1", os.environ["ANNOTATIONS"], conv_mask_to_poly=True, import_mode="append")
        job.export_dataset("CVAT for images 1.1", os.path.join(os.environ["OUTPUT"], "theirs", "job.zip"),
                           include_images=False)
        job.remove_frames_by_ids([0])
        job.update({"stage": "validation", "state": "in progress"})
        assert job.stage == "validation"
    elif scenario == "issues":
        task = client.tasks.create_from_data(
            spec={"name": "reviewed", "labels": LABELS}, resource_type=ResourceType.LOCAL, resources=files[:2])
        job = task.get_jobs()[0]
        issue = client.issues.create(models.IssueWriteRequest(
            frame=1, position=[1.0, 2.0, 3.0, 4.0], job=job.id, message="a missing box"))
        issue.update({"resolved": True})
        comment = client.comments.create({"issue": issue.id, "message": "fixed"})
        assert [c.message for c in issue.get_comments()] == ["fixed", "a missing box"]
        comment.update({"message": "fixed now"})
        assert [i.id for i in job.get_issues()] == [issue.id]
        assert len(client.issues.list()) == 1
        client.comments.retrieve(comment.id).remove()
        issue.remove()
        organization = client.organizations.create(models.OrganizationWriteRequest(slug="lab", name="Lab"))
        organization.update({"description": "the lab"})
        assert [o.slug for o in client.organizations.list()] == ["lab"]
        organization.remove()
    else:
        sys.exit(f"unknown scenario {scenario}")
    # CVATKit's withClient logs out when it ends; cvat-sdk's context manager does not.
    client.logout()
