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
    /// `onResults` in completion order, in batches of at least `minimumBatch` results (fewer at
    /// the end, once every operation has started): each call gets every result ready by then,
    /// so that serialized work can be shared by results that are ready together.
    ///
    /// `onResults` runs on the calling task, one call at a time. Operations start as soon as
    /// others end, whether or not their results were handed over yet, so they go on while
    /// `onResults` works and while results wait for a batch to fill.
    public static func forEachBatch<Element: Sendable, Output: Sendable>(
        _ elements: [Element], limit: Int, minimumBatch: Int = 1,
        operation: @escaping @Sendable (Element) async -> Output,
        onResults: ([(index: Int, output: Output)]) async -> Void
    ) async {
        let finished = Inbox<(index: Int, output: Output)>()
        await withTaskGroup(of: Void.self) { group in
            var next = 0, delivered = 0
            /// Starts operations until `limit` run (those whose results wait are not running).
            func fill() {
                while next < elements.count, next - delivered - finished.count < max(1, limit) {
                    let index = next
                    let element = elements[index]
                    group.addTask { finished.append((index, await operation(element))) }
                    next += 1
                }
            }
            while delivered < elements.count {
                fill()
                let ready = finished.count
                if ready > 0, ready >= minimumBatch || next == elements.count {
                    let batch = finished.takeAll()
                    delivered += batch.count
                    fill()
                    await onResults(batch)
                    continue
                }
                // Wait for an operation to end. Its result may have been handed over already
                // (it is appended before the task ends): the loop then looks again and waits again.
                if await group.next() == nil, finished.count == 0, next == elements.count { break }
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

    var count: Int { items.withLock { $0.count } }
}
