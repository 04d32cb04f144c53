import Synchronization

/// Runs work on many elements with a cap on how many run at once.
public enum BoundedConcurrency {
    /// Runs `operation` on every element, at most `limit` at a time, and hands each result to
    /// `onResult` (with the element's index) as soon as it is ready, in completion order.
    ///
    /// `onResult` runs on the calling task, one call at a time, so it may mutate local state
    /// and perform serialized work (store writes) while other operations keep running.
    public static func forEach<Element: Sendable, Output: Sendable>(
        _ elements: [Element], limit: Int,
        operation: @escaping @Sendable (Element) async -> Output,
        onResult: (Int, Output) async -> Void
    ) async {
        await withTaskGroup(of: (Int, Output).self) { group in
            var next = 0
            func startNext() {
                guard next < elements.count else { return }
                let index = next
                let element = elements[index]
                group.addTask { (index, await operation(element)) }
                next += 1
            }
            for _ in 0..<max(1, limit) { startNext() }
            while let (index, output) = await group.next() {
                await onResult(index, output)
                startNext()
            }
        }
    }

    /// Runs `operation` on every element, at most `limit` at a time, and hands the results to
    /// `onResults` in completion order, in batches: each call gets every result that completed
    /// since the last call began (one result when `onResults` keeps up, several when results
    /// arrived while it worked), so that serialized work can be shared by results ready together.
    ///
    /// `onResults` runs on the calling task, one call at a time, with at least one result;
    /// operations for further elements start before it runs, so they go on while it works.
    public static func forEachBatch<Element: Sendable, Output: Sendable>(
        _ elements: [Element], limit: Int,
        operation: @escaping @Sendable (Element) async -> Output,
        onResults: ([(index: Int, output: Output)]) async -> Void
    ) async {
        let finished = Inbox<(index: Int, output: Output)>()
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func startNext() {
                guard next < elements.count else { return }
                let index = next
                let element = elements[index]
                group.addTask { finished.append((index, await operation(element))) }
                next += 1
            }
            for _ in 0..<max(1, limit) { startNext() }
            var delivered = 0
            while delivered < elements.count {
                let batch = finished.takeAll()
                guard !batch.isEmpty else {
                    // Wait for an operation to end; its result may already be taken (it was
                    // appended before the task ended), and then the loop waits again.
                    if await group.next() == nil, finished.isEmpty { break }
                    continue
                }
                delivered += batch.count
                for _ in batch { startNext() }
                await onResults(batch)
            }
        }
    }
}

/// Results handed from finished operations to the task that consumes them.
private final class Inbox<Item: Sendable>: Sendable {
    private let items = Mutex<[Item]>([])

    func append(_ item: Item) {
        items.withLock { $0.append(item) }
    }

    /// Every item appended since the last call, oldest first.
    func takeAll() -> [Item] {
        items.withLock { items in
            defer { items = [] }
            return items
        }
    }

    var isEmpty: Bool { items.withLock { $0.isEmpty } }
}
