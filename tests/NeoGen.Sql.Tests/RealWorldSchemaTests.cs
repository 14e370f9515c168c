using System.Linq;
using NeoGen.Sql.Binding;
using NeoGen.Sql.Schema;

namespace NeoGen.Sql.Tests;

/// <summary>Schemas spelled the way public sample databases (pagila, Sakila, Chinook, Northwind) and their dump tools write them.</summary>
public class RealWorldSchemaTests
{
    // pg_dump style, after pagila.
    private const string Pagila = @"
SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);
CREATE TYPE public.mpaa_rating AS ENUM (
    'G',
    'PG',
    'PG-13',
    'R',
    'NC-17'
);
ALTER TYPE public.mpaa_rating OWNER TO postgres;
CREATE DOMAIN public.year AS integer
	CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)));
CREATE FUNCTION public.last_updated() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.last_update = CURRENT_TIMESTAMP;
    RETURN NEW;
END $$;
CREATE SEQUENCE public.film_film_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
SET default_tablespace = '';
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
    special_features text[],
    fulltext tsvector NOT NULL
);
ALTER TABLE public.film OWNER TO postgres;
ALTER SEQUENCE public.film_film_id_seq OWNED BY public.film.film_id;
CREATE TABLE public.language (
    language_id integer NOT NULL,
    name character(20) NOT NULL,
    last_update timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.actor (
    actor_id integer NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    last_update timestamp with time zone DEFAULT now() NOT NULL
);
CREATE TABLE public.film_actor (
    actor_id integer NOT NULL,
    film_id integer NOT NULL,
    last_update timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE ONLY public.film
    ADD CONSTRAINT film_pkey PRIMARY KEY (film_id);
ALTER TABLE ONLY public.actor
    ADD CONSTRAINT actor_pkey PRIMARY KEY (actor_id);
ALTER TABLE ONLY public.film_actor
    ADD CONSTRAINT film_actor_pkey PRIMARY KEY (actor_id, film_id);
ALTER TABLE ONLY public.language
    ADD CONSTRAINT language_pkey PRIMARY KEY (language_id);
CREATE INDEX film_fulltext_idx ON public.film USING gist (fulltext);
CREATE INDEX idx_actor_last_name ON public.actor USING btree (last_name);
CREATE INDEX idx_fk_film_id ON public.film_actor USING btree (film_id);
CREATE INDEX idx_title ON public.film USING btree (title);
CREATE TRIGGER last_updated BEFORE UPDATE ON public.film FOR EACH ROW EXECUTE FUNCTION public.last_updated();
ALTER TABLE ONLY public.film_actor
    ADD CONSTRAINT film_actor_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES public.actor(actor_id) ON UPDATE CASCADE ON DELETE RESTRICT;
ALTER TABLE ONLY public.film
    ADD CONSTRAINT film_language_id_fkey FOREIGN KEY (language_id) REFERENCES public.language(language_id) ON UPDATE CASCADE ON DELETE RESTRICT;
CREATE VIEW public.actor_info AS
 SELECT a.actor_id,
    a.first_name,
    a.last_name
   FROM public.actor a
  GROUP BY a.actor_id, a.first_name, a.last_name;
";

    [Fact]
    public void Pagila_pg_dump_schema_and_queries()
    {
        var s = SchemaTests.Schema(Pagila, SqlDialect.PostgreSql);
        var film = s.FindTable("film", "public")!;
        Assert.Equal(new[] { "film_id" }, film.PrimaryKey);
        Assert.False(film.FindColumn("film_id")!.IsRequiredOnInsert);
        Assert.Equal(SqlType.Enum, film.FindColumn("rating")!.Type);
        Assert.Equal(5, film.FindColumn("rating")!.EnumValues.Count);
        Assert.Equal((SqlType.Array, SqlType.Text), (film.FindColumn("special_features")!.Type, film.FindColumn("special_features")!.ElementType));
        Assert.Equal(SqlType.Text, s.FindTable("language")!.FindColumn("name")!.Type);
        Assert.True(s.FindTable("film_actor")!.HasIndexLeadingWith("actor_id"));
        Assert.True(s.FindTable("film_actor")!.HasIndexLeadingWith("film_id"));
        Assert.Equal(2, s.FindTable("film_actor")!.ForeignKeys.Count + film.ForeignKeys.Count);
        Assert.True(s.FindTable("actor_info")!.IsView);

        foreach (var q in new[]
        {
            "SELECT f.title, l.name AS language, count(fa.actor_id) AS actors FROM film f JOIN language l USING (language_id) LEFT JOIN film_actor fa ON fa.film_id = f.film_id WHERE f.rating = @rating AND 'Trailers' = ANY(f.special_features) GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10",
            "SELECT a.first_name || ' ' || a.last_name AS name FROM actor a WHERE a.last_name ILIKE @p AND EXISTS (SELECT 1 FROM film_actor fa WHERE fa.actor_id = a.actor_id)",
            "UPDATE film SET rental_rate = rental_rate * 1.1 WHERE rating IN ('PG', 'G') RETURNING film_id, rental_rate",
            "INSERT INTO film (title, language_id, fulltext) VALUES (@title, @lang, to_tsvector(@title)) RETURNING film_id",
            "SELECT actor_id, first_name FROM actor_info WHERE last_name = @last",
            "SELECT title FROM film WHERE fulltext @@ to_tsquery(@q) AND last_update > now() - interval '7 days'",
        })
        {
            var b = SqlBinder.Bind(q, SqlDialect.PostgreSql, s);
            Assert.True(b.Errors.Count == 0 && b.Problems.Count == 0, q + " => " + string.Join("; ", b.Errors.Select(e => e.ToString()).Concat(b.Problems.Select(p => p.ToString()))));
        }

        var ins = SqlBinder.Bind("INSERT INTO film (title, fulltext) VALUES (@t, to_tsvector(@t))", SqlDialect.PostgreSql, s);
        Assert.Equal("language_id", Assert.Single(ins.MissingInsertColumns).Name);
    }

    // After Sakila's sakila-schema.sql (MySQL).
    private const string Sakila = @"
SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0;
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
CREATE TABLE film (
  film_id SMALLINT UNSIGNED NOT NULL AUTO_INCREMENT,
  title VARCHAR(128) NOT NULL,
  description TEXT DEFAULT NULL,
  release_year YEAR DEFAULT NULL,
  language_id TINYINT UNSIGNED NOT NULL,
  rental_rate DECIMAL(4,2) NOT NULL DEFAULT 4.99,
  rating ENUM('G','PG','PG-13','R','NC-17') DEFAULT 'G',
  special_features SET('Trailers','Commentaries','Deleted Scenes','Behind the Scenes') DEFAULT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY  (film_id),
  KEY idx_title (title),
  KEY idx_fk_language_id (language_id),
  CONSTRAINT fk_film_language FOREIGN KEY (language_id) REFERENCES language (language_id) ON DELETE RESTRICT ON UPDATE CASCADE
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
CREATE TABLE language (
  language_id TINYINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name CHAR(20) NOT NULL,
  last_update TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (language_id)
)ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
CREATE VIEW actor_info AS SELECT a.actor_id, a.first_name, a.last_name FROM actor AS a;
SET SQL_MODE=@OLD_SQL_MODE;
";

    [Fact]
    public void Sakila_mysql_schema_and_queries()
    {
        var s = SchemaTests.Schema(Sakila, SqlDialect.MySql);
        var film = s.FindTable("film")!;
        Assert.True(film.FindColumn("film_id")!.IsIdentity);
        Assert.Equal(SqlType.Integer, film.FindColumn("release_year")!.Type);
        Assert.Equal(SqlType.Enum, film.FindColumn("rating")!.Type);
        Assert.Equal(SqlType.Text, film.FindColumn("special_features")!.Type);
        Assert.True(film.HasIndexLeadingWith("language_id"));
        Assert.Equal(2, s.FindTable("film_actor")!.ForeignKeys.Count);
        foreach (var q in new[]
        {
            "SELECT f.title, COUNT(*) AS n FROM film f INNER JOIN film_actor fa ON fa.film_id = f.film_id GROUP BY f.title HAVING n > 5 ORDER BY n DESC LIMIT 5",
            "INSERT INTO actor (first_name, last_name) VALUES (@first, @last) ON DUPLICATE KEY UPDATE last_update = NOW()",
            "UPDATE film f JOIN language l ON l.language_id = f.language_id SET f.rental_rate = @rate WHERE l.name = @lang",
            "DELETE fa FROM film_actor fa JOIN actor a ON a.actor_id = fa.actor_id WHERE a.last_name = @last",
            "SELECT `actor_id`, `first_name` FROM `actor_info` WHERE `last_name` LIKE CONCAT(@p, '%')",
        })
        {
            var b = SqlBinder.Bind(q, SqlDialect.MySql, s);
            Assert.True(b.Errors.Count == 0 && b.Problems.Count == 0, q + " => " + string.Join("; ", b.Errors.Select(e => e.ToString()).Concat(b.Problems.Select(p => p.ToString()))));
        }
    }

    private static readonly string Chinook = PublicSchemas.Read("Chinook_Sqlite.sql");

    [Fact]
    public void Chinook_sqlite_schema_and_queries()
    {
        var s = SchemaTests.Schema(Chinook, SqlDialect.Sqlite);
        var album = s.FindTable("album")!;
        Assert.True(album.FindColumn("AlbumId")!.IsIdentity); // INTEGER PRIMARY KEY (table constraint) is the rowid
        Assert.True(album.HasIndexLeadingWith("ArtistId"));
        Assert.True(s.FindTable("Track")!.HasIndexLeadingWith("AlbumId"));
        Assert.False(s.FindTable("Track")!.HasIndexLeadingWith("Composer"));
        Assert.Equal(SqlType.Decimal, s.FindTable("Track")!.FindColumn("UnitPrice")!.Type);
        foreach (var q in new[]
        {
            "SELECT ar.Name, COUNT(t.TrackId) AS Tracks, SUM(t.Milliseconds) / 60000.0 AS Minutes FROM Artist ar JOIN Album al ON al.ArtistId = ar.ArtistId LEFT JOIN Track t ON t.AlbumId = al.AlbumId GROUP BY ar.ArtistId ORDER BY Tracks DESC",
            "SELECT Name FROM Track WHERE AlbumId IN (SELECT AlbumId FROM Album WHERE Title LIKE @title) AND UnitPrice BETWEEN @lo AND @hi",
            "INSERT OR IGNORE INTO Album (Title, ArtistId) VALUES (@title, @artist)",
        })
        {
            var b = SqlBinder.Bind(q, SqlDialect.Sqlite, s);
            Assert.True(b.Errors.Count == 0 && b.Problems.Count == 0, q + " => " + string.Join("; ", b.Errors.Select(e => e.ToString()).Concat(b.Problems.Select(p => p.ToString()))));
        }
    }

    // After Microsoft's instnwnd.sql (Northwind).
    private const string Northwind = @"
SET QUOTED_IDENTIFIER ON
GO
if exists (select * from sysobjects where id = object_id('dbo.Employees') and sysstat & 0xf = 3)
	drop table ""dbo"".""Employees""
GO
CREATE TABLE ""Employees"" (
	""EmployeeID"" ""int"" IDENTITY (1, 1) NOT NULL ,
	""LastName"" nvarchar (20) NOT NULL ,
	""FirstName"" nvarchar (10) NOT NULL ,
	""BirthDate"" ""datetime"" NULL ,
	""ReportsTo"" ""int"" NULL ,
	""Photo"" ""image"" NULL ,
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
 CREATE  INDEX ""LastName"" ON ""dbo"".""Employees""(""LastName"")
GO
CREATE TABLE ""Orders"" (
	""OrderID"" ""int"" IDENTITY (1, 1) NOT NULL ,
	""EmployeeID"" ""int"" NULL ,
	""OrderDate"" ""datetime"" NULL ,
	""Freight"" ""money"" NULL CONSTRAINT ""DF_Orders_Freight"" DEFAULT (0),
	CONSTRAINT ""PK_Orders"" PRIMARY KEY  CLUSTERED
	(
		""OrderID""
	),
	CONSTRAINT ""FK_Orders_Employees"" FOREIGN KEY
	(
		""EmployeeID""
	) REFERENCES ""dbo"".""Employees"" (
		""EmployeeID""
	)
)
GO
";

    [Fact]
    public void Northwind_sql_server_schema_and_queries()
    {
        var s = SchemaTests.Schema(Northwind, SqlDialect.SqlServer);
        var e = s.FindTable("Employees")!;
        Assert.True(e.FindColumn("EmployeeID")!.IsIdentity);
        Assert.Equal(SqlType.Integer, e.FindColumn("EmployeeID")!.Type);
        Assert.Equal(SqlType.Timestamp, e.FindColumn("BirthDate")!.Type);
        Assert.Equal(SqlType.Binary, e.FindColumn("Photo")!.Type);
        Assert.True(e.HasIndexLeadingWith("LastName"));
        Assert.Equal(SqlType.Decimal, s.FindTable("Orders")!.FindColumn("Freight")!.Type);
        foreach (var q in new[]
        {
            "SELECT TOP 10 e.LastName, m.LastName AS Manager, COUNT(o.OrderID) AS Orders FROM dbo.Employees e LEFT JOIN dbo.Employees m ON m.EmployeeID = e.ReportsTo LEFT JOIN Orders o ON o.EmployeeID = e.EmployeeID GROUP BY e.LastName, m.LastName ORDER BY Orders DESC",
            "SELECT e.LastName, x.Total FROM Employees e CROSS APPLY (SELECT SUM(o.Freight) AS Total FROM Orders o WHERE o.EmployeeID = e.EmployeeID) x",
            "UPDATE Orders SET Freight = Freight + @delta OUTPUT inserted.OrderID, deleted.Freight WHERE OrderDate < DATEADD(day, -30, GETDATE())",
            "DELETE TOP (100) FROM Orders WHERE OrderDate IS NULL",
        })
        {
            var b = SqlBinder.Bind(q, SqlDialect.SqlServer, s);
            Assert.True(b.Errors.Count == 0 && b.Problems.Count == 0, q + " => " + string.Join("; ", b.Errors.Select(x => x.ToString()).Concat(b.Problems.Select(p => p.ToString()))));
        }

        var nullable = SqlBinder.Bind("SELECT m.LastName FROM Employees e LEFT JOIN Employees m ON m.EmployeeID = e.ReportsTo", SqlDialect.SqlServer, s);
        Assert.True(nullable.ResultColumns[0].IsNullable);
    }

    // mysqldump 8.0 output for a table and a view: the view and most settings live in executable comments.
    private const string MysqlDump = @"
-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!50503 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Table structure for table `customer`
--

DROP TABLE IF EXISTS `customer`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!50503 SET character_set_client = utf8mb4 */;
CREATE TABLE `customer` (
  `customer_id` smallint unsigned NOT NULL AUTO_INCREMENT,
  `first_name` varchar(45) NOT NULL,
  `email` varchar(50) DEFAULT NULL,
  `active` tinyint(1) NOT NULL DEFAULT '1',
  PRIMARY KEY (`customer_id`)
) ENGINE=InnoDB AUTO_INCREMENT=600 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

LOCK TABLES `customer` WRITE;
/*!40000 ALTER TABLE `customer` DISABLE KEYS */;
INSERT INTO `customer` VALUES (1,'MARY','mary@example.org',1);
/*!40000 ALTER TABLE `customer` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Temporary view structure for view `customer_list`
--

DROP TABLE IF EXISTS `customer_list`;
/*!50001 DROP VIEW IF EXISTS `customer_list`*/;
SET @saved_cs_client     = @@character_set_client;
/*!50503 SET character_set_client = utf8mb4 */;
/*!50001 CREATE VIEW `customer_list` AS SELECT 
 1 AS `ID`,
 1 AS `name`*/;
SET character_set_client = @saved_cs_client;

--
-- Final view structure for view `customer_list`
--

/*!50001 DROP VIEW IF EXISTS `customer_list`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET character_set_client      = utf8mb4 */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
/*!50001 VIEW `customer_list` AS select `cu`.`customer_id` AS `ID`,`cu`.`first_name` AS `name`,`cu`.`email` AS `email` from `customer` `cu` where (`cu`.`active` = 1) */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;
/*M!100101 SET NOTE_VERBOSITY=@OLD_NOTE_VERBOSITY */;
";

    [Fact]
    public void Mysqldump_executable_comments_declare_views()
    {
        var s = SchemaTests.Schema(MysqlDump, SqlDialect.MySql);
        Assert.NotNull(s.FindTable("customer"));
        var view = s.FindTable("customer_list")!;
        Assert.True(view.IsView);
        Assert.Equal(new[] { "ID", "name", "email" }, view.Columns.Select(c => c.Name));
        Assert.Equal(SqlType.Integer, view.FindColumn("ID")!.Type);

        var b = SqlBinder.Bind("SELECT ID, name, email FROM customer_list WHERE name LIKE @p", SqlDialect.MySql, s);
        Assert.True(b.Errors.Count == 0 && b.Problems.Count == 0, string.Join("; ", b.Errors.Select(x => x.ToString()).Concat(b.Problems.Select(p => p.ToString()))));
        Assert.Equal(SqlType.Text, b.ResultColumns[1].Type);

        // Elsewhere they are only comments.
        var pg = new SqlSchemaBuilder();
        pg.Apply(MysqlDump, SqlDialect.PostgreSql);
        Assert.Null(pg.Build().FindTable("customer_list"));
    }
}
