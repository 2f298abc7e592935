import LabBook

print("labbook \(LabBookInfo.version)")
