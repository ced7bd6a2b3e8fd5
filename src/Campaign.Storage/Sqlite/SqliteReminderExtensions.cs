using Microsoft.Extensions.DependencyInjection;

namespace Campaign.Storage.Sqlite;

public static class SqliteReminderExtensions
{
    /// <summary>
    /// Keeps Orleans reminders in the SQLite file registered by
    /// <see cref="SqliteStorageExtensions.AddSqliteStorage(ISiloBuilder, string, string[])"/>.
    /// </summary>
    public static ISiloBuilder UseSqliteReminderService(this ISiloBuilder silo)
    {
        silo.AddReminders();
        silo.Services.AddSingleton<SqliteReminderTable>();
        silo.Services.AddSingleton<IReminderTable>(sp => sp.GetRequiredService<SqliteReminderTable>());
        return silo;
    }
}
