using System.Collections.Generic;
using System.Linq;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Parsing;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Tests;

/// <summary>
/// Migrations and everyday DML against the public sample schemas (Sakila, Northwind, Chinook, pagila, the PostgreSQL
/// tutorial), spelled the way their scripts and the vendors' documentation spell them.
/// </summary>
public class RealWorldQueryTests
{
    /// <summary>Applies each script in order (like migrations); every one must apply without errors.</summary>
    private static SqlSchema Migrate(SqlDialect dialect, params string[] scripts)
    {
        var builder = new SqlSchemaBuilder();
        for (var i = 0; i < scripts.Length; i++)
        {
            var errors = builder.Apply(scripts[i], dialect);
            Assert.True(errors.Count == 0, $"Script {i}: " + string.Join("; ", errors.Select(e => e.ToString())));
        }

        return builder.Build();
    }

    /// <summary>Binds every statement and reports all that have parse errors or binding problems at once.</summary>
    private static BoundStatement[] Clean(SqlSchema schema, SqlDialect dialect, params string[] queries)
    {
        var bound = new BoundStatement[queries.Length];
        var failures = new List<string>();
        for (var i = 0; i < queries.Length; i++)
        {
            var b = bound[i] = SqlBinder.Bind(queries[i], dialect, schema);
            if (b.Errors.Count != 0 || b.Problems.Count != 0)
            {
                failures.Add(queries[i] + "\n  => " + string.Join("; ", b.Errors.Select(e => e.ToString()).Concat(b.Problems.Select(p => p.ToString()))));
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return bound;
    }

    /// <summary>The statement parses and has exactly one problem, of <paramref name="kind"/>, on the first <paramref name="text"/>.</summary>
    private static void OneProblem(SqlSchema schema, SqlDialect dialect, string sql, SqlBindingProblemKind kind, string text)
    {
        var b = SqlBinder.Bind(sql, dialect, schema);
        Assert.True(b.Errors.Count == 0, string.Join("; ", b.Errors.Select(e => e.ToString())));
        var p = Assert.Single(b.Problems);
        Assert.Equal(kind, p.Kind);
        H.Span(sql, text, p.Start, p.Length);
    }

    private static void Col(BoundResultColumn c, string name, SqlType type, bool nullable)
    {
        Assert.Equal((name, type, nullable), (c.Name, c.Type, c.IsNullable));
    }

    private static BoundParameter Param(BoundStatement b, string name) => b.Parameters.First(p => p.Name == name);

    // ---- MySQL / MariaDB: Sakila ----------------------------------------------------------------------------------

    // After sakila-schema.sql, with the mysqldump-style header a dump of it carries.
    private const string Sakila = @"
-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='TRADITIONAL';
DROP SCHEMA IF EXISTS sakila;
CREATE SCHEMA sakila;
USE sakila;

CREATE TABLE actor (
  actor_id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  first_name VARCHAR(45) NOT NULL,
  last_name VARCHAR(45) NOT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY  (actor_id),
  KEY idx_actor_last_name (last_name)
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE category (
  category_id TINYINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(25) NOT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY  (category_id)
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE language (
  language_id TINYINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name CHAR(20) NOT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (language_id)
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE film (
  film_id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  title VARCHAR(128) NOT NULL,
  description TEXT DEFAULT NULL,
  release_year YEAR DEFAULT NULL,
  language_id TINYINT UNSIGNED NOT NULL,
  original_language_id TINYINT UNSIGNED DEFAULT NULL,
  rental_duration TINYINT UNSIGNED NOT NULL DEFAULT 3,
  rental_rate DECIMAL(4,2) NOT NULL DEFAULT 4.99,
  length SMALLINT UNSIGNED DEFAULT NULL,
  replacement_cost DECIMAL(5,2) NOT NULL DEFAULT 19.99,
  rating ENUM('G','PG','PG-13','R','NC-17') DEFAULT 'G',
  special_features SET('Trailers','Commentaries','Deleted Scenes','Behind the Scenes') DEFAULT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY  (film_id),
  KEY idx_title (title),
  KEY idx_fk_language_id (language_id),
  KEY idx_fk_original_language_id (original_language_id),
  CONSTRAINT fk_film_language FOREIGN KEY (language_id) REFERENCES language (language_id) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT fk_film_language_original FOREIGN KEY (original_language_id) REFERENCES language (language_id) ON DELETE RESTRICT ON UPDATE CASCADE
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE film_actor (
  actor_id SMALLINT UNSIGNED NOT NULL,
  film_id SMALLINT UNSIGNED NOT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY  (actor_id,film_id),
  KEY idx_fk_film_id (`film_id`),
  CONSTRAINT fk_film_actor_actor FOREIGN KEY (actor_id) REFERENCES actor (actor_id) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT fk_film_actor_film FOREIGN KEY (film_id) REFERENCES film (film_id) ON DELETE RESTRICT ON UPDATE CASCADE
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE film_category (
  film_id SMALLINT UNSIGNED NOT NULL,
  category_id TINYINT UNSIGNED NOT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (film_id, category_id),
  CONSTRAINT fk_film_category_film FOREIGN KEY (film_id) REFERENCES film (film_id) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT fk_film_category_category FOREIGN KEY (category_id) REFERENCES category (category_id) ON DELETE RESTRICT ON UPDATE CASCADE
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE customer (
  customer_id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  store_id TINYINT UNSIGNED NOT NULL,
  first_name VARCHAR(45) NOT NULL,
  last_name VARCHAR(45) NOT NULL,
  email VARCHAR(50) DEFAULT NULL,
  address_id SMALLINT UNSIGNED NOT NULL,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  create_date DATETIME NOT NULL,
  last_update TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY  (customer_id),
  KEY idx_fk_store_id (store_id),
  KEY idx_fk_address_id (address_id),
  KEY idx_last_name (last_name)
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE inventory (
  inventory_id MEDIUMINT UNSIGNED NOT NULL AUTO_INCREMENT,
  film_id SMALLINT UNSIGNED NOT NULL,
  store_id TINYINT UNSIGNED NOT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY  (inventory_id),
  KEY idx_fk_film_id (film_id),
  KEY idx_store_id_film_id (store_id,film_id),
  CONSTRAINT fk_inventory_film FOREIGN KEY (film_id) REFERENCES film (film_id) ON DELETE RESTRICT ON UPDATE CASCADE
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE rental (
  rental_id INT NOT NULL AUTO_INCREMENT,
  rental_date DATETIME NOT NULL,
  inventory_id MEDIUMINT UNSIGNED NOT NULL,
  customer_id SMALLINT UNSIGNED NOT NULL,
  return_date DATETIME DEFAULT NULL,
  staff_id TINYINT UNSIGNED NOT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (rental_id),
  UNIQUE KEY  (rental_date,inventory_id,customer_id),
  KEY idx_fk_inventory_id (inventory_id),
  KEY idx_fk_customer_id (customer_id),
  KEY idx_fk_staff_id (staff_id),
  CONSTRAINT fk_rental_inventory FOREIGN KEY (inventory_id) REFERENCES inventory (inventory_id) ON DELETE RESTRICT ON UPDATE CASCADE,
  CONSTRAINT fk_rental_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id) ON DELETE RESTRICT ON UPDATE CASCADE
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE payment (
  payment_id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  customer_id SMALLINT UNSIGNED NOT NULL,
  staff_id TINYINT UNSIGNED NOT NULL,
  rental_id INT DEFAULT NULL,
  amount DECIMAL(5,2) NOT NULL,
  payment_date DATETIME NOT NULL,
  last_update TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY  (payment_id),
  KEY idx_fk_staff_id (staff_id),
  KEY idx_fk_customer_id (customer_id),
  CONSTRAINT fk_payment_rental FOREIGN KEY (rental_id) REFERENCES rental (rental_id) ON DELETE SET NULL ON UPDATE CASCADE,
  CONSTRAINT fk_payment_customer FOREIGN KEY (customer_id) REFERENCES customer (customer_id) ON DELETE RESTRICT ON UPDATE CASCADE
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

--
-- Table structure for table `film_text`
--

CREATE TABLE film_text (
  film_id SMALLINT NOT NULL,
  title VARCHAR(255) NOT NULL,
  description TEXT,
  PRIMARY KEY  (film_id),
  FULLTEXT KEY idx_title_description (title,description)
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

--
-- Triggers for loading film_text from film
--

DELIMITER ;;
CREATE TRIGGER `ins_film` AFTER INSERT ON `film` FOR EACH ROW BEGIN
    INSERT INTO film_text (film_id, title, description)
        VALUES (new.film_id, new.title, new.description);
  END;;


CREATE TRIGGER `upd_film` AFTER UPDATE ON `film` FOR EACH ROW BEGIN
    IF (old.title != new.title) OR (old.description != new.description) OR (old.film_id != new.film_id)
    THEN
        UPDATE film_text
            SET title=new.title,
                description=new.description,
                film_id=new.film_id
        WHERE film_id=old.film_id;
    END IF;
  END;;


CREATE TRIGGER `del_film` AFTER DELETE ON `film` FOR EACH ROW BEGIN
    DELETE FROM film_text WHERE film_id = old.film_id;
  END;;

DELIMITER ;

CREATE VIEW customer_list
AS
SELECT cu.customer_id AS ID, CONCAT(cu.first_name, _utf8mb4' ', cu.last_name) AS name,
	CASE WHEN cu.active THEN _utf8mb4'active' ELSE _utf8mb4'' END AS notes, cu.store_id AS SID
FROM customer AS cu;

CREATE VIEW sales_by_film_category
AS
SELECT
c.name AS category
, SUM(p.amount) AS total_sales
FROM payment AS p
INNER JOIN rental AS r ON p.rental_id = r.rental_id
INNER JOIN inventory AS i ON r.inventory_id = i.inventory_id
INNER JOIN film AS f ON i.film_id = f.film_id
INNER JOIN film_category AS fc ON f.film_id = fc.film_id
INNER JOIN category AS c ON fc.category_id = c.category_id
GROUP BY c.name
ORDER BY total_sales DESC;

--
-- Function structure for function `inventory_in_stock`
--

DELIMITER $$
CREATE FUNCTION inventory_in_stock(p_inventory_id INT) RETURNS BOOLEAN
READS SQL DATA
BEGIN
    DECLARE v_rentals INT;
    DECLARE v_out     INT;

    SELECT COUNT(*) INTO v_rentals
    FROM rental
    WHERE inventory_id = p_inventory_id;

    IF v_rentals = 0 THEN
      RETURN TRUE;
    END IF;

    SELECT COUNT(rental_id) INTO v_out
    FROM inventory LEFT JOIN rental USING(inventory_id)
    WHERE inventory.inventory_id = p_inventory_id
    AND rental.return_date IS NULL;

    IF v_out > 0 THEN
      RETURN FALSE;
    ELSE
      RETURN TRUE;
    END IF;
END $$

DELIMITER ;

-- The MySQL manual's spelling.
delimiter //
CREATE PROCEDURE film_in_stock(IN p_film_id INT, IN p_store_id INT, OUT p_film_count INT)
READS SQL DATA
BEGIN
     SELECT inventory_id
     FROM inventory
     WHERE film_id = p_film_id
     AND store_id = p_store_id
     AND inventory_in_stock(inventory_id);

     SELECT COUNT(*)
     FROM inventory
     WHERE film_id = p_film_id
     AND store_id = p_store_id
     AND inventory_in_stock(inventory_id)
     INTO p_film_count;
END //
delimiter ;

CREATE TABLE staff (
  staff_id TINYINT UNSIGNED NOT NULL AUTO_INCREMENT,
  first_name VARCHAR(45) NOT NULL,
  last_name VARCHAR(45) NOT NULL,
  delimiter CHAR(1) DEFAULT NULL,
  PRIMARY KEY  (staff_id)
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

SET SQL_MODE=@OLD_SQL_MODE;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
";

    // A later migration of the shop, one ALTER per step the way migration tools write them.
    private static readonly string[] SakilaMigrations =
    {
        "ALTER TABLE customer ADD COLUMN phone VARCHAR(20) NULL AFTER email;",
        "ALTER TABLE `customer` CHANGE COLUMN `email` `email_address` VARCHAR(100) DEFAULT NULL;",
        "ALTER TABLE film MODIFY COLUMN description TEXT NOT NULL, MODIFY length SMALLINT UNSIGNED NOT NULL DEFAULT 0;",
        "ALTER TABLE actor RENAME COLUMN last_update TO updated_at;",
        "ALTER TABLE payment RENAME TO customer_payment;",
        @"ALTER TABLE customer_payment
  ADD CONSTRAINT fk_payment_staff FOREIGN KEY (staff_id) REFERENCES staff (staff_id) ON DELETE RESTRICT ON UPDATE CASCADE,
  ADD INDEX idx_payment_date (payment_date),
  ADD UNIQUE INDEX uq_payment_rental (rental_id);",
        "RENAME TABLE inventory TO stock;",
    };

    [Fact]
    public void Sakila_delimiter_blocks_are_one_statement_each()
    {
        var script = SqlParser.ParseSchema(Sakila, SqlDialect.MySql);
        Assert.True(script.Errors.Count == 0, string.Join("; ", script.Errors.Select(e => e.ToString())));
        var programs = script.Statements.OfType<OpaqueStatement>()
            .Select(st => Sakila.Substring(st.Span.Start, st.Span.Length))
            .Where(t => t.StartsWith("CREATE TRIGGER", System.StringComparison.Ordinal) || t.StartsWith("CREATE FUNCTION", System.StringComparison.Ordinal) || t.StartsWith("CREATE PROCEDURE", System.StringComparison.Ordinal))
            .ToList();
        Assert.Equal(5, programs.Count);
        Assert.All(programs, t => Assert.EndsWith("END", t));
        Assert.DoesNotContain(script.Statements, st => Sakila.Substring(st.Span.Start, st.Span.Length).StartsWith("DELIMITER", System.StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Sakila_mysql_migrations_then_queries()
    {
        var s = Migrate(SqlDialect.MySql, new[] { Sakila }.Concat(SakilaMigrations).ToArray());
        Assert.Null(s.FindTable("payment"));
        Assert.Null(s.FindTable("inventory"));
        Assert.NotNull(s.FindTable("stock"));
        var customer = s.FindTable("customer")!;
        Assert.Null(customer.FindColumn("email"));
        Assert.Equal(new[] { "customer_id", "store_id", "first_name", "last_name", "email_address", "address_id", "active", "create_date", "last_update" }, customer.Columns.Select(c => c.Name).Where(n => n != "phone"));
        Assert.True(customer.FindColumn("phone")!.IsNullable);
        Assert.Equal("VARCHAR(100)", customer.FindColumn("email_address")!.DeclaredType);
        Assert.False(s.FindTable("film")!.FindColumn("description")!.IsNullable);
        Assert.NotNull(s.FindTable("actor")!.FindColumn("updated_at"));
        var pay = s.FindTable("customer_payment")!;
        Assert.True(pay.HasIndexLeadingWith("payment_date"));
        Assert.True(pay.FindColumn("rental_id")!.IsUnique);
        Assert.Equal(3, pay.ForeignKeys.Count);
        Assert.True(s.FindTable("customer_list")!.IsView);
        Assert.NotNull(s.FindTable("film_text"));
        Assert.Equal(new[] { "staff_id", "first_name", "last_name", "delimiter" }, s.FindTable("staff")!.Columns.Select(c => c.Name)); // after the DELIMITER blocks

        var b = Clean(
            s,
            SqlDialect.MySql,
            "SELECT c.customer_id, c.email_address, c.phone, SUM(p.amount) AS total, COUNT(*) AS payments FROM customer c JOIN customer_payment p ON p.customer_id = c.customer_id WHERE c.active GROUP BY 1, 2, 3 HAVING total > @min ORDER BY total DESC LIMIT 10, 20",
            "SELECT `f`.`title`, `l`.`name` AS `language`, COUNT(`fa`.`actor_id`) AS `actors` FROM `film` AS `f` INNER JOIN `language` AS `l` ON `l`.`language_id` = `f`.`language_id` LEFT JOIN `film_actor` AS `fa` ON `fa`.`film_id` = `f`.`film_id` WHERE `f`.`rating` IN ('PG', 'G') AND FIND_IN_SET('Trailers', `f`.`special_features`) > 0 GROUP BY `f`.`film_id` ORDER BY `actors` DESC LIMIT @skip, @take",
            "INSERT INTO actor (first_name, last_name) VALUES (@first, @last) RETURNING actor_id, updated_at",
            "DELETE FROM customer_payment WHERE payment_date < @before RETURNING payment_id, amount, rental_id",
            "INSERT INTO customer (customer_id, store_id, first_name, last_name, email_address, address_id, create_date) VALUES (@id, @store, @first, @last, @email, @address, NOW()) ON DUPLICATE KEY UPDATE first_name = VALUES(first_name), last_name = VALUES(last_name), email_address = VALUES(email_address), last_update = NOW()",
            "INSERT INTO film_category (film_id, category_id) VALUES (@film, @category) AS new ON DUPLICATE KEY UPDATE category_id = new.category_id",
            "UPDATE customer c JOIN customer_payment p ON p.customer_id = c.customer_id SET c.active = FALSE, c.phone = NULL WHERE p.payment_date < DATE_SUB(NOW(), INTERVAL 1 YEAR)",
            "SELECT r.rental_id, f.title, DATEDIFF(r.return_date, r.rental_date) AS days FROM rental r JOIN stock s ON s.inventory_id = r.inventory_id JOIN film f ON f.film_id = s.film_id WHERE r.return_date IS NOT NULL AND r.customer_id = @customer ORDER BY r.rental_date DESC LIMIT 5",
            "SELECT category, total_sales FROM sales_by_film_category ORDER BY 2 DESC LIMIT 3",
            "SELECT ID, name, notes FROM customer_list WHERE SID = @store",
            "SELECT film_id, title FROM film_text WHERE MATCH (title, description) AGAINST (@q IN NATURAL LANGUAGE MODE)",
            "REPLACE INTO film_category (film_id, category_id) VALUES (@film, @category)",
            "SELECT YEAR(payment_date) AS y, MONTH(payment_date) AS m, SUM(amount) AS total FROM customer_payment GROUP BY 1, 2 WITH ROLLUP",
            "SELECT CONVERT(amount, UNSIGNED) AS whole, CONVERT(payment_date, DATE) AS day, CONVERT(@note USING utf8mb4) AS note, CAST(rental_id AS CHAR) AS rental FROM customer_payment WHERE customer_id = @c");

        Col(b[0].ResultColumns[1], "email_address", SqlType.Text, true);
        Col(b[0].ResultColumns[3], "total", SqlType.Decimal, false); // inner join, amount NOT NULL
        Col(b[0].ResultColumns[4], "payments", SqlType.Integer, false);
        Assert.Equal((SqlParameterRole.RowCount, SqlType.Integer), (Param(b[1], "take").Role, Param(b[1], "take").Type));
        Assert.Equal(SqlParameterRole.RowCount, Param(b[1], "skip").Role);
        Col(b[1].ResultColumns[0], "title", SqlType.Text, false);
        Col(b[1].ResultColumns[2], "actors", SqlType.Integer, false);
        Col(b[2].ResultColumns[0], "actor_id", SqlType.Integer, false);
        Assert.Equal("updated_at", b[2].ResultColumns[1].Name);
        Assert.False(b[2].ResultColumns[1].IsNullable);
        Assert.Equal("customer_payment", b[3].TargetTable!.Name);
        Col(b[3].ResultColumns[1], "amount", SqlType.Decimal, false);
        Col(b[3].ResultColumns[2], "rental_id", SqlType.Integer, true);
        Assert.Empty(b[4].MissingInsertColumns);
        Assert.Equal((SqlParameterRole.InsertValue, true), (Param(b[4], "email").Role, Param(b[4], "email").IsNullable));
        Assert.Equal("email_address", Param(b[4], "email").Column!.Name);
        Assert.Equal("customer", b[6].TargetTable!.Name);
        Col(b[7].ResultColumns[2], "days", SqlType.Integer, true);
        Assert.Equal(SqlType.Decimal, b[8].ResultColumns[1].Type);
        Col(b[9].ResultColumns[1], "name", SqlType.Text, false); // CONCAT(first_name, _utf8mb4' ', last_name)
        Col(b[9].ResultColumns[2], "notes", SqlType.Text, false);
        Col(b[12].ResultColumns[0], "y", SqlType.Integer, false);
        Col(b[13].ResultColumns[0], "whole", SqlType.Integer, false);
        Col(b[13].ResultColumns[1], "day", SqlType.Date, false);
        Assert.Equal(("note", SqlType.Text), (b[13].ResultColumns[2].Name, b[13].ResultColumns[2].Type));
        Col(b[13].ResultColumns[3], "rental", SqlType.Text, true);

        // The renamed-away column and table are gone.
        OneProblem(s, SqlDialect.MySql, "SELECT customer_id, email FROM customer WHERE active", SqlBindingProblemKind.UnknownColumn, "email");
        OneProblem(s, SqlDialect.MySql, "SELECT a.actor_id, a.last_update FROM `actor` a", SqlBindingProblemKind.UnknownColumn, "last_update");
        OneProblem(s, SqlDialect.MySql, "SELECT amount FROM payment WHERE customer_id = @c", SqlBindingProblemKind.UnknownTable, "payment");
        OneProblem(s, SqlDialect.MySql, "INSERT INTO actor (first_name, last_name) VALUES (@f, @l) RETURNING actor_id, last_update", SqlBindingProblemKind.UnknownColumn, "last_update");
    }

    // ---- SQL Server: Northwind ------------------------------------------------------------------------------------

    // After Microsoft's instnwnd.sql: quoted names, "Order Details" with a space, views and procedures between GO lines.
    private const string Northwind = @"
SET NOCOUNT ON
GO
USE ""Northwind""
GO
if exists (select * from sysobjects where id = object_id('dbo.Order Details') and sysstat & 0xf = 3)
	drop table ""dbo"".""Order Details""
GO
CREATE TABLE ""Employees"" (
	""EmployeeID"" ""int"" IDENTITY (1, 1) NOT NULL ,
	""LastName"" nvarchar (20) NOT NULL ,
	""FirstName"" nvarchar (10) NOT NULL ,
	""Title"" nvarchar (30) NULL ,
	""TitleOfCourtesy"" nvarchar (25) NULL ,
	""BirthDate"" ""datetime"" NULL ,
	""HireDate"" ""datetime"" NULL ,
	""City"" nvarchar (15) NULL ,
	""Country"" nvarchar (15) NULL ,
	""Photo"" ""image"" NULL ,
	""Notes"" ""ntext"" NULL ,
	""ReportsTo"" ""int"" NULL ,
	CONSTRAINT ""PK_Employees"" PRIMARY KEY  CLUSTERED
	(
		""EmployeeID""
	),
	CONSTRAINT ""FK_Employees_Employees"" FOREIGN KEY
	(
		""ReportsTo""
	) REFERENCES ""dbo"".""Employees"" (
		""EmployeeID""
	),
	CONSTRAINT ""CK_Birthdate"" CHECK (BirthDate < getdate())
)
GO
CREATE TABLE ""Categories"" (
	""CategoryID"" ""int"" IDENTITY (1, 1) NOT NULL ,
	""CategoryName"" nvarchar (15) NOT NULL ,
	""Description"" ""ntext"" NULL ,
	""Picture"" ""image"" NULL ,
	CONSTRAINT ""PK_Categories"" PRIMARY KEY  CLUSTERED
	(
		""CategoryID""
	)
)
GO
 CREATE  INDEX ""CategoryName"" ON ""dbo"".""Categories""(""CategoryName"")
GO
CREATE TABLE ""Customers"" (
	""CustomerID"" nchar (5) NOT NULL ,
	""CompanyName"" nvarchar (40) NOT NULL ,
	""ContactName"" nvarchar (30) NULL ,
	""ContactTitle"" nvarchar (30) NULL ,
	""Address"" nvarchar (60) NULL ,
	""City"" nvarchar (15) NULL ,
	""Region"" nvarchar (15) NULL ,
	""PostalCode"" nvarchar (10) NULL ,
	""Country"" nvarchar (15) NULL ,
	""Phone"" nvarchar (24) NULL ,
	""Fax"" nvarchar (24) NULL ,
	CONSTRAINT ""PK_Customers"" PRIMARY KEY  CLUSTERED
	(
		""CustomerID""
	)
)
GO
 CREATE  INDEX ""City"" ON ""dbo"".""Customers""(""City"")
GO
CREATE TABLE ""Shippers"" (
	""ShipperID"" ""int"" IDENTITY (1, 1) NOT NULL ,
	""CompanyName"" nvarchar (40) NOT NULL ,
	""Phone"" nvarchar (24) NULL ,
	CONSTRAINT ""PK_Shippers"" PRIMARY KEY  CLUSTERED
	(
		""ShipperID""
	)
)
GO
CREATE TABLE ""Orders"" (
	""OrderID"" ""int"" IDENTITY (1, 1) NOT NULL ,
	""CustomerID"" nchar (5) NULL ,
	""EmployeeID"" ""int"" NULL ,
	""OrderDate"" ""datetime"" NULL ,
	""RequiredDate"" ""datetime"" NULL ,
	""ShippedDate"" ""datetime"" NULL ,
	""ShipVia"" ""int"" NULL ,
	""Freight"" ""money"" NULL CONSTRAINT ""DF_Orders_Freight"" DEFAULT (0),
	""ShipName"" nvarchar (40) NULL ,
	""ShipCity"" nvarchar (15) NULL ,
	""ShipCountry"" nvarchar (15) NULL ,
	CONSTRAINT ""PK_Orders"" PRIMARY KEY  CLUSTERED
	(
		""OrderID""
	),
	CONSTRAINT ""FK_Orders_Customers"" FOREIGN KEY
	(
		""CustomerID""
	) REFERENCES ""dbo"".""Customers"" (
		""CustomerID""
	),
	CONSTRAINT ""FK_Orders_Employees"" FOREIGN KEY
	(
		""EmployeeID""
	) REFERENCES ""dbo"".""Employees"" (
		""EmployeeID""
	),
	CONSTRAINT ""FK_Orders_Shippers"" FOREIGN KEY
	(
		""ShipVia""
	) REFERENCES ""dbo"".""Shippers"" (
		""ShipperID""
	)
)
GO
 CREATE  INDEX ""OrderDate"" ON ""dbo"".""Orders""(""OrderDate"")
GO
CREATE TABLE ""Products"" (
	""ProductID"" ""int"" IDENTITY (1, 1) NOT NULL ,
	""ProductName"" nvarchar (40) NOT NULL ,
	""SupplierID"" ""int"" NULL ,
	""CategoryID"" ""int"" NULL ,
	""QuantityPerUnit"" nvarchar (20) NULL ,
	""UnitPrice"" ""money"" NULL CONSTRAINT ""DF_Products_UnitPrice"" DEFAULT (0),
	""UnitsInStock"" ""smallint"" NULL CONSTRAINT ""DF_Products_UnitsInStock"" DEFAULT (0),
	""UnitsOnOrder"" ""smallint"" NULL CONSTRAINT ""DF_Products_UnitsOnOrder"" DEFAULT (0),
	""ReorderLevel"" ""smallint"" NULL CONSTRAINT ""DF_Products_ReorderLevel"" DEFAULT (0),
	""Discontinued"" ""bit"" NOT NULL CONSTRAINT ""DF_Products_Discontinued"" DEFAULT (0),
	CONSTRAINT ""PK_Products"" PRIMARY KEY  CLUSTERED
	(
		""ProductID""
	),
	CONSTRAINT ""FK_Products_Categories"" FOREIGN KEY
	(
		""CategoryID""
	) REFERENCES ""dbo"".""Categories"" (
		""CategoryID""
	),
	CONSTRAINT ""CK_Products_UnitPrice"" CHECK (UnitPrice >= 0),
	CONSTRAINT ""CK_ReorderLevel"" CHECK (ReorderLevel >= 0),
	CONSTRAINT ""CK_UnitsInStock"" CHECK (UnitsInStock >= 0),
	CONSTRAINT ""CK_UnitsOnOrder"" CHECK (UnitsOnOrder >= 0)
)
GO
CREATE PROCEDURE dbo.AdjustStock @ProductID int, @Delta smallint
AS
BEGIN
    SET NOCOUNT ON;
    IF @Delta < 0
    BEGIN
        UPDATE Products SET UnitsInStock = UnitsInStock + @Delta WHERE ProductID = @ProductID;
    END
    IF @@ROWCOUNT = 0
        RAISERROR('No such product', 16, 1);
END
GO
CREATE TABLE ""Order Details"" (
	""OrderID"" ""int"" NOT NULL ,
	""ProductID"" ""int"" NOT NULL ,
	""UnitPrice"" ""money"" NOT NULL CONSTRAINT ""DF_Order_Details_UnitPrice"" DEFAULT (0),
	""Quantity"" ""smallint"" NOT NULL CONSTRAINT ""DF_Order_Details_Quantity"" DEFAULT (1),
	""Discount"" ""real"" NOT NULL CONSTRAINT ""DF_Order_Details_Discount"" DEFAULT (0),
	CONSTRAINT ""PK_Order_Details"" PRIMARY KEY  CLUSTERED
	(
		""OrderID"",
		""ProductID""
	),
	CONSTRAINT ""FK_Order_Details_Orders"" FOREIGN KEY
	(
		""OrderID""
	) REFERENCES ""dbo"".""Orders"" (
		""OrderID""
	),
	CONSTRAINT ""FK_Order_Details_Products"" FOREIGN KEY
	(
		""ProductID""
	) REFERENCES ""dbo"".""Products"" (
		""ProductID""
	),
	CONSTRAINT ""CK_Discount"" CHECK (Discount >= 0 and (Discount <= 1)),
	CONSTRAINT ""CK_Quantity"" CHECK (Quantity > 0),
	CONSTRAINT ""CK_UnitPrice"" CHECK (UnitPrice >= 0)
)
GO
create view ""Order Subtotals"" AS
SELECT ""Order Details"".OrderID, Sum(CONVERT(money,(""Order Details"".UnitPrice*Quantity*(1-Discount)/100))*100) AS Subtotal
FROM ""Order Details""
GROUP BY ""Order Details"".OrderID
GO
create view ""Products Above Average Price"" AS
SELECT Products.ProductName, Products.UnitPrice
FROM Products
WHERE Products.UnitPrice>(SELECT AVG(UnitPrice) From Products)
GO
create procedure ""Ten Most Expensive Products"" AS
SET ROWCOUNT 10
SELECT Products.ProductName AS TenMostExpensiveProducts, Products.UnitPrice
FROM Products
ORDER BY Products.UnitPrice DESC
GO
create procedure ""CustOrderHist"" @CustomerID nchar(5)
AS
SELECT ProductName, Total=SUM(Quantity)
FROM Products P, [Order Details] OD, Orders O, Customers C
WHERE C.CustomerID = @CustomerID
AND C.CustomerID = O.CustomerID AND O.OrderID = OD.OrderID AND OD.ProductID = P.ProductID
GROUP BY ProductName
GO
";

    private static readonly string[] NorthwindMigrations =
    {
        "ALTER TABLE dbo.Customers ADD Email nvarchar(255) NULL, IsActive bit NOT NULL CONSTRAINT DF_Customers_IsActive DEFAULT (1)\nGO",
        "ALTER TABLE [dbo].[Customers] ALTER COLUMN [ContactName] nvarchar(60) NOT NULL\nGO",
        "EXEC sp_rename 'dbo.Customers.Fax', 'FaxNumber', 'COLUMN'\nGO\nEXEC sp_rename N'dbo.Shippers', N'Carriers'\nGO",
        "ALTER TABLE [dbo].[Orders] ADD CONSTRAINT [DF_Orders_OrderDate] DEFAULT (getdate()) FOR [OrderDate]\nGO\nCREATE NONCLUSTERED INDEX [IX_Orders_CustomerID] ON [dbo].[Orders] ([CustomerID]) INCLUDE ([OrderDate])\nGO",
    };

    [Fact]
    public void Northwind_sql_server_migrations_then_dml()
    {
        var s = Migrate(SqlDialect.SqlServer, new[] { Northwind }.Concat(NorthwindMigrations).ToArray());
        var customers = s.FindTable("Customers")!;
        Assert.Null(customers.FindColumn("Fax"));
        Assert.NotNull(customers.FindColumn("FaxNumber"));
        Assert.False(customers.FindColumn("ContactName")!.IsNullable);
        Assert.Equal(SqlType.Boolean, customers.FindColumn("IsActive")!.Type);
        Assert.Null(s.FindTable("Shippers"));
        Assert.NotNull(s.FindTable("Carriers"));
        Assert.Equal(new[] { "OrderID", "ProductID" }, s.FindTable("Order Details")!.PrimaryKey);
        Assert.True(s.FindTable("Order Subtotals")!.IsView);
        Assert.True(s.FindTable("Orders")!.FindColumn("OrderDate")!.HasDefault);
        Assert.True(s.FindTable("Orders")!.HasIndexLeadingWith("CustomerID"));

        var b = Clean(
            s,
            SqlDialect.SqlServer,
            "INSERT INTO dbo.Customers (CustomerID, CompanyName, ContactName, Country, Email) OUTPUT INSERTED.* VALUES (@CustomerID, @CompanyName, @ContactName, @Country, @Email);",
            "INSERT INTO [dbo].[Order Details] ([OrderID], [ProductID], [UnitPrice], [Quantity], [Discount]) OUTPUT INSERTED.[OrderID], INSERTED.[ProductID] VALUES (@OrderID, @ProductID, @UnitPrice, @Quantity, 0)",
            "INSERT INTO Orders (CustomerID, EmployeeID, ShipVia, Freight) OUTPUT inserted.OrderID, inserted.OrderDate SELECT c.CustomerID, @EmployeeID, @ShipVia, 0 FROM Customers c WHERE c.CustomerID = @CustomerID",
            @"MERGE INTO dbo.Products WITH (HOLDLOCK) AS target
USING (SELECT @ProductName AS ProductName, @UnitPrice AS UnitPrice, @CategoryID AS CategoryID) AS source
ON target.ProductName = source.ProductName
WHEN MATCHED THEN
    UPDATE SET target.UnitPrice = source.UnitPrice, target.CategoryID = source.CategoryID
WHEN NOT MATCHED BY TARGET THEN
    INSERT (ProductName, UnitPrice, CategoryID, Discontinued) VALUES (source.ProductName, source.UnitPrice, source.CategoryID, 0)
OUTPUT $action, inserted.ProductID;",
            @"MERGE [Order Details] AS od
USING (SELECT p.ProductID, p.UnitPrice FROM Products p WHERE p.Discontinued = 0) AS p
ON od.ProductID = p.ProductID AND od.OrderID = @OrderID
WHEN MATCHED AND od.Quantity = 0 THEN DELETE
WHEN MATCHED THEN UPDATE SET od.UnitPrice = p.UnitPrice;",
            "SELECT CustomerID, CompanyName, ContactName, FaxNumber, Email FROM dbo.Customers WHERE IsActive = 1 ORDER BY CompanyName OFFSET @skip ROWS FETCH NEXT @take ROWS ONLY",
            "SELECT TOP (5) WITH TIES [ProductName], [UnitPrice] FROM [dbo].[Products] WHERE [Discontinued] = 0 ORDER BY [UnitPrice] DESC",
            @"WITH EmployeeHierarchy (EmployeeID, LastName, ReportsTo, Level) AS
(
    SELECT EmployeeID, LastName, ReportsTo, 0 FROM dbo.Employees WHERE ReportsTo IS NULL
    UNION ALL
    SELECT e.EmployeeID, e.LastName, e.ReportsTo, eh.Level + 1
    FROM dbo.Employees AS e INNER JOIN EmployeeHierarchy AS eh ON e.ReportsTo = eh.EmployeeID
)
SELECT EmployeeID, LastName, ReportsTo, Level FROM EmployeeHierarchy ORDER BY Level, LastName OPTION (MAXRECURSION 10);",
            "SELECT YEAR(o.OrderDate) AS OrderYear, DATEPART(quarter, o.OrderDate) AS OrderQuarter, SUM(od.UnitPrice * od.Quantity * (1 - od.Discount)) AS Sales, COUNT(DISTINCT o.OrderID) AS Orders FROM dbo.Orders o JOIN [Order Details] od ON od.OrderID = o.OrderID GROUP BY YEAR(o.OrderDate), DATEPART(quarter, o.OrderDate) ORDER BY OrderYear, OrderQuarter",
            "SELECT c.CompanyName, s.Subtotal FROM Customers c JOIN Orders o ON o.CustomerID = c.CustomerID JOIN [Order Subtotals] s ON s.OrderID = o.OrderID WHERE o.ShippedDate BETWEEN @from AND @to",
            "SELECT o.OrderID, ca.CompanyName AS Shipper, ISNULL(o.ShippedDate, o.RequiredDate) AS Due FROM Orders o LEFT JOIN Carriers ca ON ca.ShipperID = o.ShipVia WHERE o.CustomerID = @CustomerID",
            "UPDATE p SET p.UnitsInStock = p.UnitsInStock - od.Quantity FROM Products p INNER JOIN [Order Details] od ON od.ProductID = p.ProductID WHERE od.OrderID = @OrderID",
            "DELETE od OUTPUT deleted.ProductID, deleted.Quantity FROM [Order Details] od JOIN Products p ON p.ProductID = od.ProductID WHERE p.Discontinued = 1",
            "SELECT ProductName, UnitPrice, ROW_NUMBER() OVER (PARTITION BY CategoryID ORDER BY UnitPrice DESC) AS Rank FROM Products",
            "SELECT ProductName, UnitPrice FROM [Products Above Average Price] ORDER BY UnitPrice DESC",
            "SELECT OrderID, CONVERT(varchar(10), OrderDate, 120) AS OrderDay, CONVERT(int, Freight) AS RoundFreight, TRY_CONVERT(decimal(10, 2), ShipName) AS Parsed, CONVERT(nvarchar(max), ShipCity) AS City FROM Orders WHERE OrderDate >= CONVERT(datetime, @from, @style)");

        var ins = b[0];
        Assert.Equal(customers.Columns.Select(c => c.Name), ins.ResultColumns.Select(c => c.Name));
        Col(ins.ResultColumns[0], "CustomerID", SqlType.Text, false);
        Col(ins.ResultColumns.Single(c => c.Name == "Fax" || c.Name == "FaxNumber"), "FaxNumber", SqlType.Text, true);
        Col(ins.ResultColumns.Single(c => c.Name == "IsActive"), "IsActive", SqlType.Boolean, false);
        Assert.Empty(ins.MissingInsertColumns);
        Assert.Equal(("Email", true), (Param(ins, "Email").Column!.Name, Param(ins, "Email").IsNullable));
        Col(b[1].ResultColumns[0], "OrderID", SqlType.Integer, false);
        Assert.Equal((SqlType.Decimal, "UnitPrice"), (Param(b[1], "UnitPrice").Type, Param(b[1], "UnitPrice").Column!.Name));
        Col(b[2].ResultColumns[1], "OrderDate", SqlType.Timestamp, true);
        Assert.Equal("Products", b[3].TargetTable!.Name);
        Assert.Equal("Order Details", b[4].TargetTable!.Name);
        Col(b[5].ResultColumns[2], "ContactName", SqlType.Text, false);
        Col(b[5].ResultColumns[3], "FaxNumber", SqlType.Text, true);
        Assert.Equal(SqlParameterRole.RowCount, Param(b[5], "take").Role);
        Assert.Equal(SqlParameterRole.RowCount, Param(b[5], "skip").Role);
        Col(b[6].ResultColumns[1], "UnitPrice", SqlType.Decimal, true);
        Assert.Equal(new[] { "EmployeeID", "LastName", "ReportsTo", "Level" }, b[7].ResultColumns.Select(c => c.Name));
        Col(b[7].ResultColumns[0], "EmployeeID", SqlType.Integer, false);
        Col(b[7].ResultColumns[3], "Level", SqlType.Integer, false);
        Col(b[8].ResultColumns[0], "OrderYear", SqlType.Integer, true);
        Col(b[8].ResultColumns[3], "Orders", SqlType.Integer, false);
        Col(b[9].ResultColumns[1], "Subtotal", SqlType.Decimal, false); // SUM per group of NOT NULL columns
        Col(b[10].ResultColumns[1], "Shipper", SqlType.Text, true);
        Assert.Equal("Products", b[11].TargetTable!.Name);
        Assert.Equal("Order Details", b[12].TargetTable!.Name);
        Col(b[12].ResultColumns[1], "Quantity", SqlType.Integer, false);
        Col(b[13].ResultColumns[2], "Rank", SqlType.Integer, false);
        var convert = b[15];
        Col(convert.ResultColumns[1], "OrderDay", SqlType.Text, true);
        Col(convert.ResultColumns[2], "RoundFreight", SqlType.Integer, true);
        Col(convert.ResultColumns[3], "Parsed", SqlType.Decimal, true);
        Col(convert.ResultColumns[4], "City", SqlType.Text, true);
        Assert.Equal((SqlType.Timestamp, SqlType.Integer), (Param(convert, "from").Type, Param(convert, "style").Type));

        OneProblem(s, SqlDialect.SqlServer, "SELECT CustomerID, Fax FROM dbo.Customers WHERE Country = @country", SqlBindingProblemKind.UnknownColumn, "Fax");
        OneProblem(s, SqlDialect.SqlServer, "SELECT ShipperID FROM [Shippers]", SqlBindingProblemKind.UnknownTable, "[Shippers]");
        OneProblem(s, SqlDialect.SqlServer, "INSERT INTO Customers (CustomerID, CompanyName, ContactName, Fax) OUTPUT INSERTED.CustomerID VALUES (@id, @name, @contact, @fax)", SqlBindingProblemKind.UnknownColumn, "Fax");
    }

    // ---- SQLite: Chinook ------------------------------------------------------------------------------------------

    private static readonly string Chinook = PublicSchemas.Read("Chinook_Sqlite.sql");

    private static readonly string[] ChinookMigrations =
    {
        "ALTER TABLE Customer RENAME COLUMN SupportRepId TO SupportRepEmployeeId;",
        "ALTER TABLE [Playlist] RENAME TO [Playlists];",
        "ALTER TABLE Track ADD COLUMN Rating INTEGER NOT NULL DEFAULT 0 CHECK (Rating BETWEEN 0 AND 5);",
        "ALTER TABLE \"Customer\" RENAME \"Fax\" TO \"FaxNumber\";",
        "CREATE UNIQUE INDEX IF NOT EXISTS [UX_Genre_Name] ON [Genre] ([Name]);",
    };

    [Fact]
    public void Chinook_sqlite_migrations_then_dml()
    {
        var s = Migrate(SqlDialect.Sqlite, new[] { Chinook }.Concat(ChinookMigrations).ToArray());
        var customer = s.FindTable("Customer")!;
        Assert.Null(customer.FindColumn("SupportRepId"));
        Assert.Equal("IFK_CustomerSupportRepId", customer.Indexes.Single(i => i.LeadingColumn == "SupportRepEmployeeId").Name);
        Assert.Equal("Employee", customer.ForeignKeys.Single(f => f.Columns[0] == "SupportRepEmployeeId").ReferencedTable);
        Assert.Null(s.FindTable("Playlist"));
        Assert.Equal("Playlists", s.FindTable("PlaylistTrack")!.ForeignKeys.Single(f => f.Columns[0] == "PlaylistId").ReferencedTable);
        Assert.False(s.FindTable("Track")!.FindColumn("Rating")!.IsRequiredOnInsert);
        Assert.True(s.FindTable("Genre")!.FindColumn("Name")!.IsUnique);

        var b = Clean(
            s,
            SqlDialect.Sqlite,
            "UPDATE Track SET UnitPrice = UnitPrice * 1.1, Rating = @rating WHERE GenreId = (SELECT GenreId FROM Genre WHERE Name = @genre) RETURNING TrackId, Name, UnitPrice",
            "UPDATE Invoice SET Total = (SELECT SUM(il.UnitPrice * il.Quantity) FROM InvoiceLine il WHERE il.InvoiceId = Invoice.InvoiceId) WHERE InvoiceId = @id",
            "UPDATE Invoice SET Total = t.Sum FROM (SELECT InvoiceId, SUM(UnitPrice * Quantity) AS Sum FROM InvoiceLine GROUP BY InvoiceId) AS t WHERE t.InvoiceId = Invoice.InvoiceId",
            "UPDATE OR IGNORE Customer SET SupportRepEmployeeId = @rep, FaxNumber = NULL WHERE Country = @country",
            "DELETE FROM PlaylistTrack WHERE PlaylistId = @playlist AND TrackId NOT IN (SELECT TrackId FROM Track WHERE Rating > 0) RETURNING *",
            "DELETE FROM InvoiceLine WHERE InvoiceId IN (SELECT InvoiceId FROM Invoice WHERE InvoiceDate < date('now', '-10 years'))",
            "INSERT INTO Genre (GenreId, Name) VALUES (@id, @name) ON CONFLICT (GenreId) DO UPDATE SET Name = excluded.Name WHERE Name IS NOT excluded.Name RETURNING GenreId, Name",
            "INSERT INTO Genre (Name) VALUES (@name) ON CONFLICT (Name) DO NOTHING",
            "INSERT INTO PlaylistTrack (PlaylistId, TrackId) SELECT @playlist, TrackId FROM Track WHERE true ON CONFLICT DO NOTHING",
            "INSERT INTO Playlists (Name) VALUES (@name) RETURNING PlaylistId",
            "SELECT c.Country, c.CustomerId, SUM(i.Total) AS Spent, RANK() OVER (PARTITION BY c.Country ORDER BY SUM(i.Total) DESC) AS CountryRank FROM Customer c JOIN Invoice i ON i.CustomerId = c.CustomerId GROUP BY 1, 2 ORDER BY 1, 4",
            "SELECT InvoiceId, InvoiceDate, Total, SUM(Total) OVER (ORDER BY InvoiceDate ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS RunningTotal, LAG(Total) OVER win AS Previous FROM Invoice WHERE CustomerId = @customer WINDOW win AS (ORDER BY InvoiceDate)",
            "SELECT strftime('%Y', InvoiceDate) AS Year, COUNT(*) AS Invoices, ROUND(SUM(Total), 2) AS Revenue FROM Invoice GROUP BY 1 ORDER BY 1",
            "SELECT e.FirstName || ' ' || e.LastName AS Rep, COUNT(c.CustomerId) AS Customers FROM Employee e LEFT JOIN Customer c ON c.SupportRepEmployeeId = e.EmployeeId GROUP BY e.EmployeeId",
            "SELECT p.Name AS Playlist, COUNT(*) AS Tracks FROM Playlists p JOIN PlaylistTrack pt USING (PlaylistId) GROUP BY 1 HAVING COUNT(*) > @min",
            "WITH RECURSIVE chain(EmployeeId, ReportsTo, Depth) AS (SELECT EmployeeId, ReportsTo, 0 FROM Employee WHERE EmployeeId = @id UNION ALL SELECT e.EmployeeId, e.ReportsTo, chain.Depth + 1 FROM Employee e JOIN chain ON e.EmployeeId = chain.ReportsTo) SELECT EmployeeId, Depth FROM chain",
            "SELECT t.Name, t.Rating, g.Name AS Genre, ar.Name AS Artist FROM Track t LEFT JOIN Genre g ON g.GenreId = t.GenreId LEFT JOIN Album al ON al.AlbumId = t.AlbumId LEFT JOIN Artist ar ON ar.ArtistId = al.ArtistId WHERE t.Name LIKE @q ESCAPE '\\' LIMIT @take OFFSET @skip");

        Col(b[0].ResultColumns[0], "TrackId", SqlType.Integer, false);
        Col(b[0].ResultColumns[2], "UnitPrice", SqlType.Decimal, false);
        Assert.Equal(("Rating", SqlType.Integer), (Param(b[0], "rating").Column!.Name, Param(b[0], "rating").Type));
        Assert.Equal("Invoice", b[2].TargetTable!.Name);
        Assert.Equal("SupportRepEmployeeId", Param(b[3], "rep").Column!.Name);
        Assert.Equal(new[] { "PlaylistId", "TrackId" }, b[4].ResultColumns.Select(c => c.Name));
        Assert.Equal("PlaylistTrack", b[4].TargetTable!.Name);
        Col(b[6].ResultColumns[1], "Name", SqlType.Text, true);
        Col(b[9].ResultColumns[0], "PlaylistId", SqlType.Integer, false);
        Col(b[10].ResultColumns[2], "Spent", SqlType.Decimal, false); // inner join, Total NOT NULL
        Col(b[10].ResultColumns[3], "CountryRank", SqlType.Integer, false);
        Col(b[11].ResultColumns[2], "Total", SqlType.Decimal, false);
        Assert.True(b[11].ResultColumns[4].IsNullable); // LAG has no previous row for the first one
        Col(b[12].ResultColumns[1], "Invoices", SqlType.Integer, false);
        Col(b[13].ResultColumns[0], "Rep", SqlType.Text, false);
        Col(b[13].ResultColumns[1], "Customers", SqlType.Integer, false);
        Col(b[15].ResultColumns[1], "Depth", SqlType.Integer, false);
        Col(b[16].ResultColumns[1], "Rating", SqlType.Integer, false);
        Col(b[16].ResultColumns[2], "Genre", SqlType.Text, true);

        OneProblem(s, SqlDialect.Sqlite, "SELECT CustomerId, SupportRepId FROM Customer WHERE Country = @c", SqlBindingProblemKind.UnknownColumn, "SupportRepId");
        OneProblem(s, SqlDialect.Sqlite, "UPDATE Customer SET Fax = @fax WHERE CustomerId = @id", SqlBindingProblemKind.UnknownColumn, "Fax");
        OneProblem(s, SqlDialect.Sqlite, "DELETE FROM Playlist WHERE PlaylistId = @id", SqlBindingProblemKind.UnknownTable, "Playlist");
    }

    // ---- PostgreSQL: the tutorial, pagila, MERGE ------------------------------------------------------------------

    // https://www.postgresql.org/docs/current/tutorial-*.html: the weather/cities tables, the window-function table and
    // the inheritance example.
    [Fact]
    public void Postgres_tutorial_queries()
    {
        var s = SchemaTests.Schema(SchemaTests.PgTutorial + @"
CREATE TABLE empsalary (depname varchar(20) NOT NULL, empno bigint NOT NULL, salary int NOT NULL, enroll_date date NOT NULL);
CREATE VIEW myview AS
    SELECT name, temp_lo, temp_hi, prcp, date, location
        FROM weather, cities
        WHERE city = name;
CREATE TABLE accounts (name text PRIMARY KEY, branch_name text, balance numeric(14,2) NOT NULL DEFAULT 0);
CREATE TABLE branches (name text PRIMARY KEY, balance numeric(14,2) NOT NULL DEFAULT 0);", SqlDialect.PostgreSql);

        var b = Clean(
            s,
            SqlDialect.PostgreSql,
            "SELECT * FROM weather WHERE city = 'San Francisco' AND prcp > 0.0",
            "SELECT DISTINCT city FROM weather ORDER BY city",
            "SELECT * FROM weather ORDER BY city, temp_lo",
            "SELECT * FROM weather JOIN cities ON city = name",
            "SELECT * FROM weather w JOIN cities c ON w.city = c.name",
            "SELECT max(temp_lo) FROM weather",
            "SELECT city, max(temp_lo) FROM weather WHERE city LIKE 'S%' GROUP BY city",
            "SELECT city, count(*), max(temp_lo) FROM weather GROUP BY 1 HAVING max(temp_lo) < 40",
            "SELECT * FROM myview",
            "SELECT depname, empno, salary, avg(salary) OVER (PARTITION BY depname) FROM empsalary",
            "SELECT depname, empno, salary, rank() OVER (PARTITION BY depname ORDER BY salary DESC) FROM empsalary",
            "SELECT salary, sum(salary) OVER () FROM empsalary",
            "SELECT salary, sum(salary) OVER (ORDER BY salary) FROM empsalary",
            "SELECT depname, empno, salary, enroll_date FROM (SELECT depname, empno, salary, enroll_date, rank() OVER (PARTITION BY depname ORDER BY salary DESC, empno) AS pos FROM empsalary) AS ss WHERE pos < 3",
            "SELECT sum(salary) OVER w, avg(salary) OVER w FROM empsalary WINDOW w AS (PARTITION BY depname ORDER BY salary DESC)",
            "UPDATE accounts SET balance = balance - 100.00 WHERE name = 'Alice'",
            "UPDATE branches SET balance = balance - 100.00 WHERE name = (SELECT branch_name FROM accounts WHERE name = 'Alice')",
            "SELECT sum(empno) AS s FROM empsalary");

        Assert.Equal(5, b[0].ResultColumns.Count);
        Col(b[1].ResultColumns[0], "city", SqlType.Text, true);
        Assert.Equal(7, b[3].ResultColumns.Count);
        Col(b[5].ResultColumns[0], "max", SqlType.Integer, true);
        Col(b[7].ResultColumns[1], "count", SqlType.Integer, false);
        Assert.Equal(new[] { "name", "temp_lo", "temp_hi", "prcp", "date", "location" }, b[8].ResultColumns.Select(c => c.Name));
        Col(b[9].ResultColumns[3], "avg", SqlType.Decimal, false);
        Col(b[10].ResultColumns[3], "rank", SqlType.Integer, false);
        Col(b[11].ResultColumns[1], "sum", SqlType.Integer, false);
        Assert.Equal(new[] { "depname", "empno", "salary", "enroll_date" }, b[13].ResultColumns.Select(c => c.Name));
        Col(b[13].ResultColumns[3], "enroll_date", SqlType.Date, false);
        Col(b[17].ResultColumns[0], "s", SqlType.Decimal, true); // sum(bigint) is numeric; sum(int) above is bigint
    }

    [Fact]
    public void Postgres_tutorial_inheritance()
    {
        var s = SchemaTests.Schema(@"
CREATE TABLE cities (
  name       text,
  population real,
  elevation  int     -- (in ft)
);

CREATE TABLE capitals (
  state      char(2) UNIQUE NOT NULL
) INHERITS (cities);", SqlDialect.PostgreSql);
        var b = Clean(
            s,
            SqlDialect.PostgreSql,
            "SELECT name, elevation FROM cities WHERE elevation > 500",
            "SELECT name, elevation FROM ONLY cities WHERE elevation > 500",
            "SELECT c.tableoid, c.name, c.elevation FROM cities c WHERE c.elevation > 500",
            "SELECT name, state FROM capitals WHERE elevation > @feet");
        Assert.Equal(new[] { "name", "population", "elevation", "state" }, s.FindTable("capitals")!.Columns.Select(c => c.Name));
        Col(b[3].ResultColumns[1], "state", SqlType.Text, false);
        Assert.True(s.FindTable("capitals")!.FindColumn("state")!.IsUnique);

        // A column declared again is merged with the inherited one, in its place; keys are not inherited.
        s = SchemaTests.Schema(@"
CREATE TABLE measurement (id bigint PRIMARY KEY, logdate date NOT NULL, peaktemp int);
CREATE TABLE measurement_y2024 (peaktemp int NOT NULL DEFAULT 0, note text) INHERITS (measurement);", SqlDialect.PostgreSql);
        var child = s.FindTable("measurement_y2024")!;
        Assert.Equal(new[] { "id", "logdate", "peaktemp", "note" }, child.Columns.Select(c => c.Name));
        Assert.False(child.FindColumn("peaktemp")!.IsNullable);
        Assert.False(child.FindColumn("logdate")!.IsNullable);
        Assert.Empty(child.PrimaryKey);
        Assert.False(child.FindColumn("id")!.IsPrimaryKey);
        Assert.Single(new SqlSchemaBuilder().Apply("CREATE TABLE orphan (a int) INHERITS (missing);", SqlDialect.PostgreSql));
    }

    private const string PagilaRentals = @"
CREATE TYPE public.mpaa_rating AS ENUM (
    'G',
    'PG',
    'PG-13',
    'R',
    'NC-17'
);
CREATE DOMAIN public.year AS integer
	CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)));
CREATE TABLE public.customer (
    customer_id integer DEFAULT nextval('public.customer_customer_id_seq'::regclass) NOT NULL,
    store_id integer NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    email text,
    address_id integer NOT NULL,
    activebool boolean DEFAULT true NOT NULL,
    create_date date DEFAULT CURRENT_DATE NOT NULL,
    last_update timestamp with time zone DEFAULT now(),
    active integer
);
CREATE TABLE public.film (
    film_id integer DEFAULT nextval('public.film_film_id_seq'::regclass) NOT NULL,
    title text NOT NULL,
    description text,
    release_year public.year,
    language_id integer NOT NULL,
    rental_duration smallint DEFAULT 3 NOT NULL,
    rental_rate numeric(4,2) DEFAULT 4.99 NOT NULL,
    length smallint,
    replacement_cost numeric(5,2) DEFAULT 19.99 NOT NULL,
    rating public.mpaa_rating DEFAULT 'G'::public.mpaa_rating,
    last_update timestamp with time zone DEFAULT now() NOT NULL,
    special_features text[]
);
CREATE TABLE public.inventory (
    inventory_id integer DEFAULT nextval('public.inventory_inventory_id_seq'::regclass) NOT NULL,
    film_id integer NOT NULL,
    store_id integer NOT NULL,
    last_update timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.rental (
    rental_id integer DEFAULT nextval('public.rental_rental_id_seq'::regclass) NOT NULL,
    rental_date timestamp with time zone NOT NULL,
    inventory_id integer NOT NULL,
    customer_id integer NOT NULL,
    return_date timestamp with time zone,
    staff_id integer NOT NULL,
    last_update timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.payment (
    payment_id integer DEFAULT nextval('public.payment_payment_id_seq'::regclass) NOT NULL,
    customer_id integer NOT NULL,
    staff_id integer NOT NULL,
    rental_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL
)
PARTITION BY RANGE (payment_date);
CREATE TABLE public.payment_p2022_01 (
    payment_id integer DEFAULT nextval('public.payment_payment_id_seq'::regclass) NOT NULL,
    customer_id integer NOT NULL,
    staff_id integer NOT NULL,
    rental_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp with time zone NOT NULL
);
ALTER TABLE ONLY public.payment ATTACH PARTITION public.payment_p2022_01 FOR VALUES FROM ('2022-01-01 00:00:00+00') TO ('2022-02-01 00:00:00+00');
ALTER TABLE ONLY public.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (customer_id);
ALTER TABLE ONLY public.film
    ADD CONSTRAINT film_pkey PRIMARY KEY (film_id);
ALTER TABLE ONLY public.inventory
    ADD CONSTRAINT inventory_pkey PRIMARY KEY (inventory_id);
ALTER TABLE ONLY public.rental
    ADD CONSTRAINT rental_pkey PRIMARY KEY (rental_id);
CREATE UNIQUE INDEX idx_unq_rental_rental_date_inventory_id_customer_id ON public.rental USING btree (rental_date, inventory_id, customer_id);
CREATE INDEX idx_fk_inventory_id ON public.rental USING btree (inventory_id);
ALTER TABLE ONLY public.rental
    ADD CONSTRAINT rental_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customer(customer_id) ON UPDATE CASCADE ON DELETE RESTRICT;
ALTER TABLE ONLY public.rental
    ADD CONSTRAINT rental_inventory_id_fkey FOREIGN KEY (inventory_id) REFERENCES public.inventory(inventory_id) ON UPDATE CASCADE ON DELETE RESTRICT;
CREATE VIEW public.customer_list AS
 SELECT cu.customer_id AS id,
    ((cu.first_name || ' '::text) || cu.last_name) AS name,
        CASE
            WHEN cu.activebool THEN 'active'::text
            ELSE ''::text
        END AS notes,
    cu.store_id AS sid
   FROM public.customer cu;
";

    // The MERGE examples of https://www.postgresql.org/docs/current/sql-merge.html.
    private const string MergeDocs = @"
CREATE TABLE customer_account (customer_id integer PRIMARY KEY, balance numeric(12,2) NOT NULL DEFAULT 0);
CREATE TABLE recent_transactions (customer_id integer NOT NULL, transaction_value numeric(12,2) NOT NULL);
CREATE TABLE wines (winename text PRIMARY KEY, stock integer NOT NULL DEFAULT 0);
CREATE TABLE wine_stock_changes (winename text NOT NULL, stock_delta integer NOT NULL);
";

    [Fact]
    public void Pagila_postgres_migrations_then_dml()
    {
        var s = Migrate(
            SqlDialect.PostgreSql,
            PagilaRentals,
            MergeDocs,
            "ALTER TABLE public.customer RENAME COLUMN email TO email_address;",
            "ALTER TABLE IF EXISTS public.rental RENAME TO rentals;",
            "ALTER TABLE public.film ADD COLUMN IF NOT EXISTS tags text[] NOT NULL DEFAULT '{}'::text[], ALTER COLUMN length SET NOT NULL;",
            "ALTER TYPE public.mpaa_rating ADD VALUE IF NOT EXISTS 'NR' AFTER 'NC-17';",
            "ALTER TABLE public.customer ADD CONSTRAINT customer_email_key UNIQUE (email_address);");
        Assert.Null(s.FindTable("rental"));
        Assert.Equal("rentals", s.FindTable("rentals")!.Name);
        Assert.Equal(6, s.FindEnum("mpaa_rating")!.Values.Count);
        Assert.True(s.FindTable("customer")!.FindColumn("email_address")!.IsUnique);

        var b = Clean(
            s,
            SqlDialect.PostgreSql,
            "SELECT film_id, title, rating FROM film WHERE rating = ANY(@ratings) AND @feature = ANY(special_features) ORDER BY title",
            "SELECT film_id, title FROM film WHERE tags && @tags::text[] OR special_features @> ARRAY['Trailers']",
            "SELECT c.customer_id, c.email_address, count(r.rental_id) AS rentals, max(r.rental_date) AS last_rental FROM customer c LEFT JOIN rentals r ON r.customer_id = c.customer_id GROUP BY 1, 2 ORDER BY 3 DESC LIMIT @take",
            "INSERT INTO rentals (rental_date, inventory_id, customer_id, staff_id) VALUES (now(), @inventory, @customer, @staff) RETURNING rental_id, rental_date, return_date",
            "INSERT INTO customer (store_id, first_name, last_name, email_address, address_id) VALUES (@store, @first, @last, @email, @address) ON CONFLICT (email_address) DO UPDATE SET first_name = EXCLUDED.first_name RETURNING *",
            "UPDATE rentals SET return_date = now() WHERE rental_id = @id AND return_date IS NULL RETURNING rental_id, return_date",
            "DELETE FROM payment WHERE payment_date < @before RETURNING payment_id, amount",
            "SELECT rating, count(*) AS films, avg(length)::numeric(6,2) AS avg_length FROM film GROUP BY 1 ORDER BY 1",
            "SELECT id, name, notes FROM customer_list WHERE sid = @store",
            "SELECT date_trunc('month', payment_date) AS month, sum(amount) AS total FROM payment GROUP BY 1 ORDER BY 1",
            @"MERGE INTO customer_account ca
USING recent_transactions t
ON t.customer_id = ca.customer_id
WHEN MATCHED THEN
  UPDATE SET balance = balance + transaction_value
WHEN NOT MATCHED THEN
  INSERT (customer_id, balance)
  VALUES (t.customer_id, t.transaction_value)",
            @"MERGE INTO customer_account ca
USING (SELECT customer_id, transaction_value FROM recent_transactions) AS t
ON t.customer_id = ca.customer_id
WHEN MATCHED THEN
  UPDATE SET balance = balance + transaction_value
WHEN NOT MATCHED THEN
  INSERT (customer_id, balance)
  VALUES (t.customer_id, t.transaction_value)",
            @"MERGE INTO wines w
USING wine_stock_changes s
ON s.winename = w.winename
WHEN NOT MATCHED AND s.stock_delta > 0 THEN
  INSERT VALUES(s.winename, s.stock_delta)
WHEN MATCHED AND w.stock + s.stock_delta > 0 THEN
  UPDATE SET stock = w.stock + s.stock_delta
WHEN MATCHED THEN
  DELETE
RETURNING merge_action(), w.*",
            @"WITH stale AS (SELECT film_id FROM film WHERE last_update < now() - interval '1 year')
MERGE INTO film f USING stale ON stale.film_id = f.film_id
WHEN MATCHED THEN UPDATE SET rental_rate = f.rental_rate * 0.9");

        Assert.Equal((SqlParameterRole.InCollection, true, "rating"), (Param(b[0], "ratings").Role, Param(b[0], "ratings").IsCollection, Param(b[0], "ratings").Column!.Name));
        Assert.Equal(SqlType.Enum, Param(b[0], "ratings").Type);
        Assert.Equal((SqlType.Enum, "mpaa_rating"), (b[0].ResultColumns[2].Type, b[0].ResultColumns[2].EnumTypeName));
        Col(b[2].ResultColumns[1], "email_address", SqlType.Text, true);
        Col(b[2].ResultColumns[2], "rentals", SqlType.Integer, false);
        Col(b[2].ResultColumns[3], "last_rental", SqlType.TimestampTz, true);
        Assert.Empty(b[3].MissingInsertColumns);
        Col(b[3].ResultColumns[0], "rental_id", SqlType.Integer, false);
        Col(b[3].ResultColumns[2], "return_date", SqlType.TimestampTz, true);
        Assert.Equal(s.FindTable("customer")!.Columns.Count, b[4].ResultColumns.Count);
        Assert.Empty(b[4].MissingInsertColumns);
        Col(b[6].ResultColumns[1], "amount", SqlType.Decimal, false);
        Col(b[7].ResultColumns[1], "films", SqlType.Integer, false);
        Col(b[7].ResultColumns[2], "avg_length", SqlType.Decimal, false); // length was made NOT NULL
        Col(b[8].ResultColumns[1], "name", SqlType.Text, false);
        Col(b[8].ResultColumns[2], "notes", SqlType.Text, false);
        Assert.Equal("customer_account", b[10].TargetTable!.Name);
        Assert.Equal("wines", b[12].TargetTable!.Name);
        Assert.Equal("film", b[13].TargetTable!.Name);

        OneProblem(s, SqlDialect.PostgreSql, "SELECT customer_id, email FROM customer WHERE store_id = @store", SqlBindingProblemKind.UnknownColumn, "email");
        OneProblem(s, SqlDialect.PostgreSql, "SELECT rental_id FROM public.rental WHERE customer_id = @c", SqlBindingProblemKind.UnknownTable, "public.rental");
        OneProblem(s, SqlDialect.PostgreSql, "MERGE INTO customer_account ca USING recent_transactions t ON t.customer_id = ca.account_no WHEN MATCHED THEN DO NOTHING", SqlBindingProblemKind.UnknownColumn, "account_no");
    }
}
