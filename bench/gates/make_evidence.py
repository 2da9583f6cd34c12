#!/usr/bin/env python3
"""Writes a realistic set of evidence files for one release into the directory given: a JUnit report of 2,000 tests
(3 failed), LCOV coverage of 400 files, a CycloneDX SBOM of 500 components, a Trivy report of 800 findings, a SARIF
report of 300 results, a k6 summary and an SLSA provenance whose subject is the release's artifact."""
import json
import os
import random
import sys

out = sys.argv[1]
artifact_sha = sys.argv[2]
random.seed(42)
os.makedirs(out, exist_ok=True)

with open(os.path.join(out, "TEST-bench.xml"), "w") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n')
    for suite in range(100):
        f.write(f'<testsuite name="com.example.Suite{suite}Test">\n')
        for case in range(20):
            f.write(f'  <testcase classname="com.example.Suite{suite}Test" name="case{case}" time="0.01"')
            if suite * 20 + case in (7, 555, 1234):
                f.write('><failure message="expected 1 but was 2">at Suite.case</failure></testcase>\n')
            else:
                f.write('/>\n')
        f.write('</testsuite>\n')
    f.write('</testsuites>\n')

with open(os.path.join(out, "coverage.lcov"), "w") as f:
    for file in range(400):
        f.write(f"TN:\nSF:src/module{file // 40}/file{file}.js\n")
        for line in range(1, 51):
            f.write(f"DA:{line},{0 if line % 7 == 0 else random.randint(1, 50)}\n")
        f.write("end_of_record\n")

components = [{"type": "library", "name": f"lib{i}", "version": f"1.{i % 10}.0",
               "purl": f"pkg:maven/org.example/lib{i}@1.{i % 10}.0",
               "licenses": [{"license": {"id": random.choice(["Apache-2.0", "MIT", "BSD-3-Clause"])}}]} for i in range(500)]
with open(os.path.join(out, "bom.cdx.json"), "w") as f:
    json.dump({"bomFormat": "CycloneDX", "specVersion": "1.5", "version": 1, "components": components}, f)

vulns = []
for i in range(800):
    severity = random.choice(["LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH"])
    vulns.append({"VulnerabilityID": f"CVE-2025-{10000 + i}", "PkgName": f"org.example:lib{i % 500}",
                  "InstalledVersion": f"1.{i % 10}.0", "FixedVersion": "" if severity == "HIGH" else f"1.{i % 10}.1",
                  "Severity": severity, "PkgIdentifier": {"PURL": f"pkg:maven/org.example/lib{i % 500}@1.{i % 10}.0"}})
with open(os.path.join(out, "trivy.json"), "w") as f:
    json.dump({"SchemaVersion": 2, "ArtifactName": "registry.example.org/bench:1.0.0", "ArtifactType": "container_image",
               "Results": [{"Target": "app.jar", "Class": "lang-pkgs", "Type": "jar", "Vulnerabilities": vulns}]}, f)

results = [{"ruleId": f"java/rule{i % 30}", "level": random.choice(["warning", "note"]),
            "message": {"text": f"Finding {i}."},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": f"src/File{i}.java"}, "region": {"startLine": i + 1}}}]}
           for i in range(300)]
with open(os.path.join(out, "codeql.sarif"), "w") as f:
    json.dump({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL"}}, "results": results}]}, f)

with open(os.path.join(out, "k6-summary.json"), "w") as f:
    json.dump({"metrics": {
        "http_req_duration": {"avg": 80.5, "min": 1.2, "med": 60.0, "max": 900.7, "p(90)": 150.0, "p(95)": 210.2,
                              "thresholds": {"p(95)<300": False}},
        "http_req_failed": {"passes": 2, "fails": 9998, "value": 0.0002},
        "http_reqs": {"count": 10000, "rate": 166.6},
        "checks": {"passes": 10000, "fails": 0, "value": 1.0}},
        "root_group": {"name": "", "path": "", "groups": {}, "checks": {}}}, f)

with open(os.path.join(out, "provenance.intoto.json"), "w") as f:
    json.dump({"_type": "https://in-toto.io/Statement/v1",
               "subject": [{"name": "bench.jar", "digest": {"sha256": artifact_sha}}],
               "predicateType": "https://slsa.dev/provenance/v1",
               "predicate": {"buildDefinition": {"buildType": "https://actions.github.io/buildtypes/workflow/v1",
                                                 "externalParameters": {}, "resolvedDependencies": []},
                             "runDetails": {"builder": {"id": "https://github.com/actions/runner"}}}}, f)
