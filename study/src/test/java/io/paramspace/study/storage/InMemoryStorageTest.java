package io.paramspace.study.storage;

class InMemoryStorageTest extends StorageContract {
  @Override
  Storage create() {
    return Storages.open("memory:");
  }
}
